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

/// <summary>What an import did. When <see cref="Problems"/> is not empty nothing was written.</summary>
public sealed record ImportResult(ImportKind Kind, long Rows, long Added, long Updated, IReadOnlyList<ImportProblem> Problems, long MoreProblems = 0)
{
    public bool Succeeded => Problems.Count == 0;
}
