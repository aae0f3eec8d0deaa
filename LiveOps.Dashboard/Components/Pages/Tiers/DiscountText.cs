using System.Globalization;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>
/// A tier discount (the price factor, 0.95) as operators write and read it: 9.5折 in Chinese, 95% in English; typed
/// as 9.5折, 95折, 95%, or 0.95, all the same factor.
/// </summary>
public static class DiscountText
{
    /// <summary>0.95 → 9.5折 (Chinese) or 95% (English); 1 → 无折扣 / none is left to the caller.</summary>
    public static string Show(decimal factor, bool chinese) => chinese
        ? (factor * 10m).ToString("0.##", CultureInfo.InvariantCulture) + "折"
        : (factor * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The factor from what was typed: "9.5折" or "95折" (two digits read as 9.5折), "95%", "0.95"; full-width digits and
    /// signs allowed. False when the text is not one of these forms (the range itself is the validator's rule).
    /// </summary>
    public static bool TryParse(string? text, out decimal factor)
    {
        factor = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Normalize(System.Text.NormalizationForm.FormKC).Trim().Replace(" ", "", StringComparison.Ordinal);
        if (s.EndsWith('折'))
        {
            if (!TryNumber(s[..^1], out var zhe) || zhe <= 0m)
            {
                return false;
            }
            // 95折 is 9.5折; 9.5折, 8折 and 10折 (no discount) are as written.
            factor = (zhe > 10m && zhe < 100m && !s.Contains('.', StringComparison.Ordinal) ? zhe / 10m : zhe) / 10m;
            return true;
        }
        if (s.EndsWith('%'))
        {
            if (!TryNumber(s[..^1], out var percent))
            {
                return false;
            }
            factor = percent / 100m;
            return true;
        }
        return TryNumber(s, out factor);
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
