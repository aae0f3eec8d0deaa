using System.Reflection;
using LiveOps.Core.Common;
using LiveOps.Core.Import;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>What a cell holds, shown as a localized hint (<c>Data.Format.*</c>).</summary>
public enum ColumnFormat { Id, Text, Time, Amount, Count, Number, Discount, Bool, Choice }

/// <summary>One CSV column of a kind as contract §2 lists it.</summary>
public sealed record ColumnGuide(string Name, bool Required, ColumnFormat Format, string? Alias = null, string? Values = null);

/// <summary>
/// The columns of each import kind, so an operator knows what to upload before trying; read from the
/// importer's own schemas, so the page cannot disagree with what the import accepts.
/// </summary>
public static class KindGuide
{
    private static readonly MethodInfo AllOf = typeof(ContractNames).GetMethod(nameof(ContractNames.AllOf))!;

    public static IReadOnlyList<ColumnGuide> Columns(ImportKind kind) =>
        ImportSchemas.For(kind).Fields.Select(Guide).ToList();

    /// <summary>The values a choice column accepts, in the contract's spelling (<c>paid</c>, <c>refunded</c>, …).</summary>
    public static IReadOnlyList<string> AllowedValues(FieldSpec field) =>
        field.Type == FieldType.Enum && field.EnumType is not null
            ? ((string)AllOf.MakeGenericMethod(field.EnumType).Invoke(null, null)!).Split(", ")
            : [];

    private static ColumnGuide Guide(FieldSpec field)
    {
        var format = field.Type switch
        {
            FieldType.Id or FieldType.CustomerRef => ColumnFormat.Id,
            FieldType.Text => ColumnFormat.Text,
            FieldType.Instant => ColumnFormat.Time,
            FieldType.Amount => ColumnFormat.Amount,
            FieldType.Count => ColumnFormat.Count,
            // The only plain decimal of the contract is the tier discount.
            FieldType.Decimal => ColumnFormat.Discount,
            FieldType.Boolean => ColumnFormat.Bool,
            FieldType.Enum => ColumnFormat.Choice,
            _ => ColumnFormat.Number,
        };
        var values = field.Type switch
        {
            FieldType.Enum when field.EnumType is not null => (string?)AllOf.MakeGenericMethod(field.EnumType).Invoke(null, null),
            FieldType.Boolean => "true, false",
            _ => null,
        };
        return new ColumnGuide(field.Name, field.Required, format, field.Aliases is { Length: > 0 } a ? string.Join("、", a) : null, values);
    }

    /// <summary>The kinds in the order an operator usually loads them: people and places before what refers to them.</summary>
    public static readonly IReadOnlyList<ImportKind> Kinds =
    [
        ImportKind.Customers, ImportKind.Orders, ImportKind.Audiences, ImportKind.AudienceEvents, ImportKind.Pushes,
        ImportKind.Campaigns, ImportKind.CampaignEvents, ImportKind.LiveSessions, ImportKind.TierRules,
    ];
}
