namespace LiveOps.Core.Import.Mapping;

/// <summary>How rows of one order (rows sharing <c>order_id</c>) become one order (contract §5 <c>lines</c>).</summary>
public enum LineMode
{
    /// <summary>One row per record, as without a mapping; a repeated id is the usual last-wins.</summary>
    None,

    /// <summary>The order's amount is the sum of its rows' amounts; its <c>placed_at</c> the earliest.</summary>
    Sum,

    /// <summary>Every row carries the order's total; rows of one order that disagree on it are a problem.</summary>
    Once,
}

/// <summary>The text encoding a mapping reads a CSV file in.</summary>
public enum SourceEncoding
{
    /// <summary>UTF-8 (with or without a BOM) when the bytes are valid UTF-8, GB18030 otherwise.</summary>
    Auto,
    Utf8,
    Gb18030,
}

/// <summary>
/// How one target column of a kind is filled. Exactly one of <see cref="Column"/>, <see cref="Value"/> and
/// <see cref="Product"/> is set; <see cref="Values"/> only with <see cref="Column"/>.
/// </summary>
/// <param name="Column">The source column whose value is taken.</param>
/// <param name="Values">Source values translated to the contract's values (<c>已完成</c> → <c>paid</c>); a value not listed is a problem.</param>
/// <param name="Value">A constant for every row.</param>
/// <param name="Product">Two source columns multiplied (quantity × unit price); both must be numbers.</param>
/// <param name="Hash">The stored value is the keyed hash (HMAC-SHA256, key kept in the database) of the source value.</param>
public sealed record FieldRule(
    string? Column = null,
    IReadOnlyDictionary<string, string>? Values = null,
    string? Value = null,
    IReadOnlyList<string>? Product = null,
    bool Hash = false)
{
    /// <summary>The source columns this rule reads.</summary>
    public IEnumerable<string> SourceColumns => Column is not null ? [Column] : Product ?? [];
}

/// <summary>
/// A row dropped before anything else: <c>{"column": C, "is": "empty"}</c> on the source value, or
/// <c>{"field": F, "is": "negative"}</c> on the mapped value of a number field.
/// </summary>
public sealed record SkipRule(string? Column, string? Field, string Is)
{
    public const string Empty = "empty";
    public const string Negative = "negative";

    /// <summary>How the rule reads in counts and messages: <c>CustomerID is empty</c>.</summary>
    public string Describe() => $"{Column ?? Field} is {Is}";
}

/// <summary>
/// A mapping (contract §5): how a shop's own export becomes one of the kinds of §2. Made from JSON by
/// <see cref="MappingJson.Parse"/>, which checks it against the kind's columns.
/// </summary>
/// <param name="Kind">The kind the file becomes.</param>
/// <param name="Name">The mapping's name (shown in results and the audit log).</param>
/// <param name="Encoding">How a CSV file's bytes are read.</param>
/// <param name="Fields">Target column (contract name, e.g. <c>order_id</c>) → how it is filled. Target columns not listed
/// are taken from a source column of the same name (or an accepted alias), as without a mapping.</param>
/// <param name="Lines">How line items form orders (orders only).</param>
/// <param name="Skip">Rows dropped before anything else, counted per rule.</param>
/// <param name="TimestampFormats">Extra .NET date formats (<c>yyyy/M/d H:mm:ss</c>) read in <c>LiveOps:TimeZone</c>.</param>
/// <param name="Detect">Source columns that identify the export this mapping is for (used to offer it for a header).</param>
/// <param name="Description">What export the mapping is for, for people.</param>
public sealed record ImportMapping(
    ImportKind Kind,
    string Name,
    SourceEncoding Encoding,
    IReadOnlyDictionary<string, FieldRule> Fields,
    LineMode Lines,
    IReadOnlyList<SkipRule> Skip,
    IReadOnlyList<string> TimestampFormats,
    IReadOnlyList<string> Detect,
    string? Description = null)
{
    /// <summary>Every source column the mapping names (fields, products and skip rules), in order of first mention.</summary>
    public IReadOnlyList<string> SourceColumns =>
        Fields.Values.SelectMany(f => f.SourceColumns).Concat(Skip.Where(s => s.Column is not null).Select(s => s.Column!))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
