namespace LiveOps.Core.Actions;

/// <summary>
/// What an operator asks for: a named list, and either the groups given per member or a holdout share to draw.
/// Absent values take the defaults of contract §7 (holdout 0.1, starts now, 14 days, a random seed).
/// </summary>
public sealed record ActionDraft(
    string Name,
    IReadOnlyList<ActionMemberInput> Members,
    double? HoldoutShare = null,
    long? Seed = null,
    DateTimeOffset? StartsAt = null,
    int? WindowDays = null,
    string Source = ActionSources.Upload);

/// <summary>A stored action and its split (ids in ordinal order).</summary>
public sealed record CreatedAction(
    int Id,
    string ActionId,
    string Name,
    string Source,
    DateTimeOffset StartsAt,
    int WindowDays,
    long? Seed,
    IReadOnlyList<string> Contacted,
    IReadOnlyList<string> Holdout,
    int CustomersCreated);

/// <summary>The outcome of a create: the action, or every problem (then nothing was written).</summary>
public sealed record ActionCreateResult(CreatedAction? Action, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Action is not null;
}

/// <summary>
/// What a list would give before it is saved: its size, the split, the buying rate of these customers in the window
/// of the same length just before the start, and the smallest lift the split can detect (null when undefined).
/// </summary>
public sealed record ActionPreview(int Customers, int Contacted, int Holdout, double BaselineRate, double? MinimumDetectableDifference);
