using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Core.Actions;

/// <summary>The rules a draft must keep before anything is written; every broken rule is one message.</summary>
internal static class ActionCheck
{
    private const int MaxIdLength = 64;
    private const int MaxListed = 20;

    /// <summary>The members with their final groups (given, or null where the holdout is to be drawn), or the problems.</summary>
    public static (List<(string Id, ActionGroup? Group)> Members, List<string> Problems) Check(ActionDraft draft)
    {
        var problems = new List<string>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add("name: is empty; give the action a name");
        }
        else if (name.Length > ActionRules.MaxNameLength)
        {
            problems.Add($"name: is {name.Length} characters long; at most {ActionRules.MaxNameLength}");
        }
        else if (PlainText.HasControl(name))
        {
            problems.Add("name: contains a control character (a line break, tab, NUL or direction override); remove it");
        }
        if (draft.WindowDays is { } days && (days < 1 || days > ActionRules.MaxWindowDays))
        {
            problems.Add($"window-days: {days} is outside 1 to {ActionRules.MaxWindowDays}");
        }
        if (!ActionSources.IsKnown(draft.Source))
        {
            problems.Add($"source: '{draft.Source}' is not a known list source");
        }
        var givenGroups = draft.Members.Any(m => m.Group is not null);
        if (givenGroups && (draft.HoldoutShare is not null || draft.Seed is not null))
        {
            problems.Add("holdout: the list's group column already sets the split; leave out the holdout share and seed");
        }
        if (!givenGroups && draft.HoldoutShare is { } share && !(share > 0 && share < 1))
        {
            problems.Add($"holdout: {share.ToString(CultureInfo.InvariantCulture)} is not a share between 0 and 1 (exclusive), such as 0.1");
        }

        var members = new List<(string Id, ActionGroup? Group)>();
        var seen = new Dictionary<string, (ActionGroup? Group, string Where)>(StringComparer.Ordinal);
        var listed = 0;
        for (var i = 0; i < draft.Members.Count; i++)
        {
            var member = draft.Members[i];
            var where = member.Line is { } line ? $"line {line}" : $"customer {i + 1}";
            var id = member.CustomerId?.Trim() ?? "";
            string? problem = null;
            if (id.Length == 0)
            {
                problem = $"{where}: customer_id: is empty";
            }
            else if (id.Length > MaxIdLength)
            {
                problem = $"{where}: customer_id: is {id.Length} characters long; ids have 1 to {MaxIdLength}";
            }
            else if (id.Contains("***", StringComparison.Ordinal))
            {
                problem = $"{where}: customer_id: '{id}' is masked (***); masked ids merge different people";
            }
            else if (givenGroups && member.Group is null)
            {
                problem = $"{where}: group: is empty; use contacted or holdout";
            }
            else if (seen.TryGetValue(id, out var first))
            {
                if (first.Group == member.Group)
                {
                    continue; // listed twice in the same group: once is enough
                }
                problem = $"{where}: group: customer '{id}' is also in the other group ({first.Where})";
            }
            if (problem is not null)
            {
                if (listed++ < MaxListed)
                {
                    problems.Add(problem);
                }
                continue;
            }
            seen.Add(id, (member.Group, where));
            members.Add((id, member.Group));
        }
        if (listed > MaxListed)
        {
            problems.Add($"… and {listed - MaxListed} more problems in the list");
        }
        if (draft.Members.Count == 0 || (members.Count == 0 && listed == 0))
        {
            problems.Add("customers: the list names no customers");
        }
        else if (members.Count > ActionRules.MaxCustomers)
        {
            problems.Add($"customers: {members.Count} customers; an action holds at most {ActionRules.MaxCustomers}");
        }
        else if (listed == 0 && problems.Count == 0)
        {
            var holdout = givenGroups
                ? members.Count(m => m.Group == ActionGroup.Holdout)
                : ActionRules.HoldoutSize(members.Count, draft.HoldoutShare ?? ActionRules.DefaultHoldoutShare);
            if (holdout == 0)
            {
                problems.Add(givenGroups
                    ? "group: no customer is in the holdout group; nothing could be measured"
                    : $"holdout: {members.Count} customers × {(draft.HoldoutShare ?? ActionRules.DefaultHoldoutShare).ToString(CultureInfo.InvariantCulture)} rounds to an empty holdout; raise the share or use a longer list");
            }
            else if (holdout == members.Count)
            {
                problems.Add(givenGroups
                    ? "group: no customer is in the contacted group; nobody would be sent to"
                    : $"holdout: {members.Count} customers × {(draft.HoldoutShare ?? ActionRules.DefaultHoldoutShare).ToString(CultureInfo.InvariantCulture)} leaves nobody to contact; lower the share");
            }
        }
        return (members, problems);
    }
}
