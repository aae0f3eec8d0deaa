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

    /// <summary>ISO 8601 with the zone's offset, as the JSON reports write instants.</summary>
    public static string Format(DateTimeOffset instant, ZoneClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
