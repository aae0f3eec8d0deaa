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

    // Values of enums and flags are boxed once, not once per row.
    private static readonly ConcurrentDictionary<Type, (string[] Names, object[] Values, string All)> EnumNames = new();
    private static readonly object True = 1L, False = 0L;

    /// <summary>Parses a non-empty, trimmed value. On failure <paramref name="problem"/> says what is wrong with it (English).</summary>
    public static bool TryParse(FieldSpec field, string text, ZoneClock clock, out object? value, out string? problem)
    {
        var ok = TryParse(field, text, clock, out value, out string? code, out var args);
        problem = ok ? null : ImportText.English(code!, args);
        return ok;
    }

    /// <summary>Parses a non-empty, trimmed value. On failure <paramref name="code"/> and <paramref name="args"/> say what is wrong (<see cref="ImportText"/>).</summary>
    public static bool TryParse(FieldSpec field, string text, ZoneClock clock, out object? value, out string? code, out string[] args)
    {
        var ok = TryParseValue(field, text, clock, out value, out code, out var given);
        // The problem's arguments are made only for a problem: a million good values allocate nothing here.
        args = ok ? [] : given ?? [text];
        return ok;
    }

    // On failure a null args means the value alone ([text]).
    private static bool TryParseValue(FieldSpec field, string text, ZoneClock clock, out object? value, out string? code, out string[]? args)
    {
        value = null;
        code = null;
        args = null;
        string? problem;
        if (field.Type is FieldType.Id or FieldType.CustomerRef or FieldType.Text && PlainText.HasControl(text))
        {
            // The value is not repeated: it would carry the very character into the message.
            (code, args) = ("value.control", []);
            return false;
        }
        switch (field.Type)
        {
            case FieldType.Id:
            case FieldType.CustomerRef:
                if (text.Length > MaxIdLength)
                {
                    (code, args) = ("value.idLength", [text.Length.ToString(CultureInfo.InvariantCulture), MaxIdLength.ToString(CultureInfo.InvariantCulture)]);
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
                    code = "value.timestamp";
                    return false;
                }
                value = instant.ToUnixTimeMilliseconds();
                return true;
            case FieldType.Amount:
                if (!Money.TryParse(text, out var yuan, out problem))
                {
                    (code, args) = AmountProblem(text);
                    return false;
                }
                value = Money.ToUnits(yuan);
                return true;
            case FieldType.Count:
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > int.MaxValue)
                {
                    code = text.StartsWith('-') ? "value.countNegative" : "value.count";
                    return false;
                }
                value = count;
                return true;
            case FieldType.Number:
                if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    code = text.StartsWith('-') ? "value.numberNegative" : "value.number";
                    return false;
                }
                value = number;
                return true;
            case FieldType.Decimal:
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dec))
                {
                    code = "value.decimal";
                    return false;
                }
                value = dec;
                return true;
            case FieldType.Boolean:
                if (!TryParseBoolean(text, out var flag))
                {
                    code = "value.boolean";
                    return false;
                }
                value = flag ? True : False;
                return true;
            case FieldType.Enum:
                var (names, values, all) = EnumNames.GetOrAdd(field.EnumType!, Describe);
                for (var i = 0; i < names.Length; i++)
                {
                    if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
                    {
                        value = values[i];
                        return true;
                    }
                }
                (code, args) = ("value.enum", [text, all]);
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Type, null);
        }
    }

    // The reason Money.TryParse refused an amount, as a text code.
    private static (string Code, string[] Args) AmountProblem(string text)
    {
        var s = text.Trim().TrimStart('¥', '￥').Trim();
        if (s.StartsWith("CNY", StringComparison.OrdinalIgnoreCase) || s.StartsWith("RMB", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..].TrimStart();
        }
        if (s.StartsWith('-'))
        {
            return ("value.amountNegative", [text]);
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var yuan))
        {
            return ("value.amount", [text]);
        }
        return yuan > 1_000_000_000m
            ? ("value.amountTooLarge", [text])
            : ("value.amountDecimals", [text, Money.MaxDecimals.ToString(CultureInfo.InvariantCulture)]);
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
    private static (string[] Names, object[] Values, string All) Describe(Type enumType)
    {
        var values = Enum.GetValues(enumType).Cast<Enum>().ToArray();
        var names = values.Select(v => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToArray();
        return (names, values.Select(v => (object)(long)Convert.ToInt32(v, CultureInfo.InvariantCulture)).ToArray(), string.Join(", ", names));
    }
}
