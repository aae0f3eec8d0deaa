using System.Globalization;
using System.Text;
using LiveOps.Core.Common;

namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// How the values of shop exports are read: the guards spreadsheets and shop backends put around ids
/// (a leading tab, <c>="…"</c>), amounts with <c>¥</c>/<c>￥</c>/<c>元</c>, thousands separators and full-width digits,
/// and the timestamp spellings of contract §5.
/// </summary>
public static class SourceText
{
    private static readonly string[] SlashFormats =
    [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss.FFFFFFF", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
    ];

    /// <summary>
    /// The value without surrounding whitespace (tabs and no-break spaces included) and without the text guards exports
    /// use so spreadsheets keep long ids intact: a leading tab (抖店), <c>="6917…"</c>, or a leading apostrophe.
    /// </summary>
    public static string Clean(string text)
    {
        var s = text.Trim().Trim('\u00A0', '\u3000', '\uFEFF').Trim();
        if (s.Length >= 3 && s[0] == '=' && s[1] == '"' && s[^1] == '"')
        {
            s = s[2..^1].Trim();
        }
        else if (s.Length >= 2 && s[0] == '\'' && char.IsAsciiDigit(s[1]))
        {
            s = s[1..];
        }
        return s;
    }

    /// <summary>A cell of an .xlsx row as text (numbers invariant, dates ISO local).</summary>
    public static string OfCell(object? cell) => cell switch
    {
        null => "",
        string s => s,
        double d => Number(d),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Number(double d)
    {
        if (double.IsFinite(d) && Math.Abs(d) < 7.9e27)
        {
            // decimal keeps the 15 significant digits Excel shows: 28.9, not 28.899999999999999.
            return ((decimal)d).ToString(CultureInfo.InvariantCulture);
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether an Excel number is too large to be an id Excel kept whole (16 or more digits).</summary>
    public static bool LostDigits(object? cell) => cell is double d && Math.Abs(d) >= 1e15;

    /// <summary>Full-width digits, signs and separators (<c>１２３．５</c>) as their ASCII forms.</summary>
    public static string HalfWidth(string s)
    {
        var changed = false;
        foreach (var c in s)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                changed = true;
                break;
            }
        }
        if (!changed)
        {
            return s;
        }
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }
        return b.ToString();
    }

    /// <summary>
    /// A number as exports write it: <c>1,299.00</c>, <c>¥129.90</c>, <c>￥12</c>, <c>12.5元</c>, <c>CNY 12</c>, full-width digits,
    /// a sign. Excel numbers are taken as they are.
    /// </summary>
    public static bool TryNumber(object? cell, out decimal value)
    {
        value = 0;
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27:
                value = (decimal)d;
                return true;
            case string s:
                return TryNumber(s, out value);
            default:
                return cell is not null && cell is not string && TryNumber(OfCell(cell), out value);
        }
    }

    public static bool TryNumber(string text, out decimal value)
    {
        value = 0;
        var s = HalfWidth(Clean(text));
        var negative = false;
        if (s.StartsWith('-'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }
        else if (s.StartsWith('+'))
        {
            s = s[1..].TrimStart();
        }
        if (s.StartsWith('¥') || s.StartsWith('￥') || s.StartsWith('$'))
        {
            s = s[1..].TrimStart();
        }
        else if (s.Length > 3 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]) && char.IsAsciiLetterUpper(s[2]) && !char.IsAsciiLetter(s[3]))
        {
            s = s[3..].TrimStart(); // a currency code: CNY 12, RMB 12, USD 12.34
        }
        if (s.EndsWith('元'))
        {
            s = s[..^1].TrimEnd();
        }
        if (s.StartsWith('-') && !negative)
        {
            negative = true;
            s = s[1..];
        }
        if (s.Length == 0 || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>
    /// An instant from contract §2's forms, <c>yyyy/M/d H:mm[:ss]</c>, the mapping's own formats (in the configured zone,
    /// or with their offset), an Excel date, or an Excel serial date number.
    /// </summary>
    public static bool TryInstant(object? cell, ZoneClock clock, IReadOnlyList<string> formats, out DateTimeOffset instant)
    {
        instant = default;
        switch (cell)
        {
            case DateTime t:
                instant = clock.FromLocal(t);
                return true;
            case double d when d is > 0 and < 2958466:
                instant = clock.FromLocal(DateTime.FromOADate(d));
                return true;
            case null:
                return false;
        }
        var s = HalfWidth(Clean(OfCell(cell)));
        if (Timestamps.TryParse(s, clock, out instant))
        {
            return true;
        }
        foreach (var format in formats)
        {
            if (TryExact(s, format, clock, out instant))
            {
                return true;
            }
        }
        if (DateTime.TryParseExact(s, SlashFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            instant = clock.FromLocal(local);
            return true;
        }
        return false;
    }

    private static bool TryExact(string s, string format, ZoneClock clock, out DateTimeOffset instant)
    {
        instant = default;
        if (format.Contains('z') || format.Contains('K'))
        {
            // "-0500" (Shopify) as well as "-05:00".
            if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && s[^4..].All(char.IsAsciiDigit))
            {
                s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
            }
            if (DateTimeOffset.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
            {
                instant = withOffset.ToUniversalTime();
                return true;
            }
            return false;
        }
        if (DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            instant = clock.FromLocal(local);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether an id is masked: three or more consecutive asterisks (<c>138****1234</c>, <c>张***</c>), or a shop backend's
    /// ciphertext placeholder (抖店 writes <c>$$密文</c> for every buyer): either would merge different people into one.
    /// </summary>
    public static bool IsMasked(string id) =>
        id.Contains("***", StringComparison.Ordinal) || id.Contains("＊＊＊", StringComparison.Ordinal) || id.Contains("密文", StringComparison.Ordinal);
}
