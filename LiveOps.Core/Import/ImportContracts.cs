namespace LiveOps.Core.Import;

/// <summary>The CSV kinds of contract §2, by their command-line names.</summary>
public enum ImportKind
{
    Customers,
    Orders,
    Audiences,
    AudienceEvents,
    Pushes,
    Campaigns,
    CampaignEvents,
    LiveSessions,
    TierRules,
}

/// <summary>One problem in a file: <c>line N: column: what is wrong</c>; N is the physical line the record starts on, the header being line 1.</summary>
/// <remarks>
/// <see cref="Message"/> is English (the command line's language); a problem made with <see cref="Of"/> also carries
/// its <see cref="Code"/> and <see cref="Args"/>, so <see cref="Format"/> can render it in a page's language.
/// Line 0 is a problem of the mapping rather than of a line of the file.
/// </remarks>
public sealed record ImportProblem(long Line, string Column, string Message)
{
    /// <summary>The text's code in <see cref="ImportText"/>; null for a problem made from a plain message.</summary>
    public string? Code { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>A problem whose message is the English text of <paramref name="code"/>.</summary>
    public static ImportProblem Of(long line, string column, string code, params string[] args) =>
        new(line, column, ImportText.English(code, args)) { Code = code, Args = args };

    public override string ToString() => Format(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What is wrong (without line and column) in the language of <paramref name="culture"/>.</summary>
    public string Text(System.Globalization.CultureInfo culture) => Code is null ? Message : ImportText.Format(Code, culture, Args);

    /// <summary><c>line N: column: what is wrong</c> in the language of <paramref name="culture"/> (zh: <c>第 N 行：列：…</c>).</summary>
    public string Format(System.Globalization.CultureInfo culture)
    {
        var zh = culture.TwoLetterISOLanguageName == "zh";
        var message = Code is null ? Message : ImportText.Format(Code, culture, Args);
        var where = Line > 0
            ? ImportText.Format("line", culture, [Line.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            : ImportText.Format("mapping", culture, []);
        return zh ? $"{where}：{Column}：{message}" : $"{where}: {Column}: {message}";
    }
}

/// <summary>
/// What an import did. When <see cref="Problems"/> is not empty nothing was written; at most 10,000 problems
/// are listed and <see cref="MoreProblems"/> counts the rest.
/// </summary>
/// <param name="Kind">The kind imported.</param>
/// <param name="Rows">Data records read (the header not counted).</param>
/// <param name="Added">Rows that were not stored before.</param>
/// <param name="Updated">Rows whose stored values changed; the remaining rows were already stored exactly so.</param>
/// <param name="Problems">Every problem found (the first 10,000), in line order; empty when the file was imported.</param>
/// <param name="MoreProblems">Problems beyond those listed.</param>
/// <param name="CustomersCreated">Customers an order or event named that were not known yet, created with it.</param>
public sealed record ImportResult(ImportKind Kind, long Rows, long Added, long Updated, IReadOnlyList<ImportProblem> Problems, long MoreProblems = 0, long CustomersCreated = 0)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Rows that were already stored with the same values (a repeated import).</summary>
    public long Unchanged => Succeeded ? Rows - Added - Updated : 0;
}
