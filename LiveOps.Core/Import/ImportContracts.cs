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
public sealed record ImportProblem(long Line, string Column, string Message)
{
    public override string ToString() => $"line {Line}: {Column}: {Message}";
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
