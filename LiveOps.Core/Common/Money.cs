using System.Globalization;

namespace LiveOps.Core.Common;

/// <summary>
/// Amounts are decimal yuan in the domain and stored as whole units of 1/10000 yuan,
/// so that SQL can sum and compare them exactly and an in-memory column store can hold them as longs.
/// </summary>
public static class Money
{
    public const long UnitsPerYuan = 10_000;

    public const int MaxDecimals = 4;

    public static long ToUnits(decimal yuan) => decimal.ToInt64(yuan * UnitsPerYuan);

    public static decimal FromUnits(long units) => units / (decimal)UnitsPerYuan;

    /// <summary>Parses <c>129.90</c>, <c>¥129.90</c>, <c>￥1,299</c> or <c>CNY 12</c>; never negative.</summary>
    public static bool TryParse(string text, out decimal yuan, out string? problem)
    {
        yuan = 0;
        problem = null;
        var s = text.Trim();
        if (s.StartsWith('¥') || s.StartsWith('￥'))
        {
            s = s[1..].TrimStart();
        }
        else if (s.StartsWith("CNY", StringComparison.OrdinalIgnoreCase) || s.StartsWith("RMB", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..].TrimStart();
        }
        if (s.StartsWith('-'))
        {
            problem = $"'{text}' is negative; amounts are never negative (a refund is a status)";
            return false;
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out yuan))
        {
            problem = $"'{text}' is not an amount in yuan such as 129.90";
            return false;
        }
        if (yuan.Scale > MaxDecimals && yuan != Math.Round(yuan, MaxDecimals))
        {
            problem = $"'{text}' has more than {MaxDecimals} decimal places";
            return false;
        }
        if (yuan > 1_000_000_000m)
        {
            problem = $"'{text}' is larger than 1,000,000,000 yuan";
            return false;
        }
        return true;
    }
}
