using System.Text.Json;

namespace LiveOps.Core.Common;

/// <summary>Enum values as the contract spells them (<c>exclusive_coupon</c>, <c>live_room</c>).</summary>
public static class ContractNames
{
    public static string Of<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var wanted = text.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>The allowed spellings, for error messages: <c>paid, refunded, cancelled</c>.</summary>
    public static string AllOf<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}
