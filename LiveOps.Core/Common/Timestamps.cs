using System.Globalization;

namespace LiveOps.Core.Common;

/// <summary>The timestamp spellings the CSV contract allows (§2).</summary>
public static class Timestamps
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd HH:mmzzz",
    ];

    /// <summary>
    /// ISO 8601 with 'T' or a space, optional seconds fraction, optional offset (+08:00 or Z).
    /// Without an offset the time is read in the configured zone.
    /// </summary>
    public static bool TryParse(string text, ZoneClock clock, out DateTimeOffset instant)
    {
        instant = default;
        var s = text.Trim();
        if (TryParseCommon(s, clock, out instant, out var decided))
        {
            return true;
        }
        if (decided)
        {
            return false;
        }
        if (s.Length < 16)
        {
            return false;
        }
        if (s.EndsWith('Z') || s.EndsWith('z'))
        {
            s = string.Concat(s.AsSpan(0, s.Length - 1), "+00:00");
        }
        if (DateTimeOffset.TryParseExact(s, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            instant = withOffset.ToUniversalTime();
            return true;
        }
        if (DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = clock.FromLocal(local);
            return true;
        }
        return false;
    }

    // The shapes nearly every export writes (yyyy-MM-dd[T ]HH:mm[:ss][Z|±hh:mm]), read without the
    // format machinery: an import of a million rows parses a million of them. Anything else (fractions)
    // goes to the general formats; decided says whether the shape was recognised (and so the answer final).
    private static bool TryParseCommon(string s, ZoneClock clock, out DateTimeOffset instant, out bool decided)
    {
        instant = default;
        decided = false;
        var n = s.Length;
        TimeSpan? offset = null;
        int body;
        if (n is 17 or 20 && (s[n - 1] == 'Z' || s[n - 1] == 'z'))
        {
            offset = TimeSpan.Zero;
            body = n - 1;
        }
        else if (n is 22 or 25 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':')
        {
            if (!TwoDigits(s, n - 5, out var oh) || !TwoDigits(s, n - 2, out var om) || oh > 14 || om > 59)
            {
                return false;
            }
            var span = new TimeSpan(oh, om, 0);
            offset = s[n - 6] == '-' ? -span : span;
            body = n - 6;
        }
        else
        {
            body = n;
        }
        if (body is not (16 or 19) || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || (body == 19 && s[16] != ':'))
        {
            return false;
        }
        decided = true;
        var second = 0;
        if (!TwoDigits(s, 0, out var y1) || !TwoDigits(s, 2, out var y2) || !TwoDigits(s, 5, out var month) || !TwoDigits(s, 8, out var day)
            || !TwoDigits(s, 11, out var hour) || !TwoDigits(s, 14, out var minute) || (body == 19 && !TwoDigits(s, 17, out second)))
        {
            return false;
        }
        var year = y1 * 100 + y2;
        if (year is < 2 or > 9998)
        {
            // Offsets near the ends of the calendar are left to the general parser.
            decided = false;
            return false;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        instant = offset is { } o ? new DateTimeOffset(local, o).ToUniversalTime() : clock.FromLocal(local);
        return true;
    }

    private static bool TwoDigits(string s, int at, out int value)
    {
        var a = s[at] - '0';
        var b = s[at + 1] - '0';
        value = a * 10 + b;
        return (uint)a <= 9 && (uint)b <= 9;
    }

    /// <summary>ISO 8601 with the zone's offset, as the JSON reports write instants.</summary>
    public static string Format(DateTimeOffset instant, ZoneClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
