using System.Collections.Concurrent;
using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Core.Import;

/// <summary>
/// Checks one CSV value against its column's rules (contract §2) and turns it into its storage form:
/// instants as UTC Unix milliseconds, amounts as 1/10000 yuan, enums as ints, booleans as 0/1.
/// </summary>
public static class FieldParser
{
    public const int MaxIdLength = 64;

    private static readonly ConcurrentDictionary<Type, (string[] Names, int[] Values, string All)> EnumNames = new();

    /// <summary>Parses a non-empty, trimmed value. On failure <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(FieldSpec field, string text, ZoneClock clock, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        switch (field.Type)
        {
            case FieldType.Id:
            case FieldType.CustomerRef:
                if (text.Length > MaxIdLength)
                {
                    problem = $"is {text.Length} characters long; ids have 1 to {MaxIdLength}";
                    return false;
                }
                value = text;
                return true;
            case FieldType.Text:
                value = text;
                return true;
            case FieldType.Instant:
                if (!Timestamps.TryParse(text, clock, out var instant))
                {
                    problem = $"'{text}' is not a valid timestamp such as 2026-11-03T20:15:00 or 2026-11-03 20:15:00+08:00";
                    return false;
                }
                value = instant.ToUnixTimeMilliseconds();
                return true;
            case FieldType.Amount:
                if (!Money.TryParse(text, out var yuan, out problem))
                {
                    return false;
                }
                value = Money.ToUnits(yuan);
                return true;
            case FieldType.Count:
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > int.MaxValue)
                {
                    problem = text.StartsWith('-')
                        ? $"'{text}' is negative; it must be a whole number of 0 or more"
                        : $"'{text}' is not a whole number of 0 or more";
                    return false;
                }
                value = count;
                return true;
            case FieldType.Number:
                if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    problem = text.StartsWith('-')
                        ? $"'{text}' is negative; it must be a number of 0 or more"
                        : $"'{text}' is not a number of 0 or more such as 142.5";
                    return false;
                }
                value = number;
                return true;
            case FieldType.Decimal:
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dec))
                {
                    problem = $"'{text}' is not a number such as 0.95";
                    return false;
                }
                value = dec;
                return true;
            case FieldType.Boolean:
                if (!TryParseBoolean(text, out var flag))
                {
                    problem = $"'{text}' is not true or false";
                    return false;
                }
                value = flag ? 1L : 0L;
                return true;
            case FieldType.Enum:
                var (names, values, all) = EnumNames.GetOrAdd(field.EnumType!, Describe);
                for (var i = 0; i < names.Length; i++)
                {
                    if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
                    {
                        value = (long)values[i];
                        return true;
                    }
                }
                problem = $"'{text}' is not one of {all}";
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Type, null);
        }
    }

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "y" or "是":
                value = true;
                return true;
            case "false" or "0" or "no" or "n" or "否":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    // The contract spellings (ContractNames) of an enum, computed once per type rather than per value.
    private static (string[] Names, int[] Values, string All) Describe(Type enumType)
    {
        var values = Enum.GetValues(enumType).Cast<Enum>().ToArray();
        var names = values.Select(v => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToArray();
        return (names, values.Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).ToArray(), string.Join(", ", names));
    }
}
