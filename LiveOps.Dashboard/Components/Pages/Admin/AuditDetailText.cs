using System.Globalization;
using System.Text.RegularExpressions;
using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Admin;

/// <summary>
/// Shows an audit entry's stored detail in the page's language. The services store one machine sentence per kind of
/// entry (kinds, counts, versions, emails; never customers); each known sentence is read back into its arguments and
/// rendered through a template of the resource file. A detail no template knows is shown as stored.
/// </summary>
public sealed partial class AuditDetailText(IStringLocalizer<AccountsResource> text, Formatting format)
{
    private const string PastSuffix = ": the time has passed, nothing saved";

    private delegate string? Render(Match m, AuditDetailText self);

    private sealed record Pattern(AuditAction Action, Regex Regex, Render Render);

    private static readonly Pattern[] Patterns =
    [
        new(AuditAction.Import, ImportDone(), (m, t) => t.T("Import.Done", V(m, "kind"), t.N(m, "rows"), t.N(m, "added"), t.N(m, "updated"))),
        new(AuditAction.Import, ImportProblems(), (m, t) => t.T("Import.Problems", V(m, "kind"), t.N(m, "rows"), t.N(m, "problems"))),
        new(AuditAction.Import, ImportBusy(), (m, t) => t.T("Import.Busy", V(m, "kind"))),
        new(AuditAction.Import, MappedAttempt(), (m, t) => t.T("Import.Mapped", V(m, "kind"), V(m, "mapping"))),
        new(AuditAction.Import, MappedBusy(), (m, t) => t.T("Import.MappedBusy", V(m, "kind"), V(m, "mapping"))),
        new(AuditAction.Import, MappedDone(), (m, t) => t.T("Import.MappedDone", V(m, "kind"), V(m, "mapping"), t.N(m, "read"), t.N(m, "skipped"),
            t.N(m, "records"), t.N(m, "added"), t.N(m, "updated"))),
        new(AuditAction.Import, MappedProblems(), (m, t) => t.T("Import.MappedProblems", V(m, "kind"), V(m, "mapping"), t.N(m, "read"), t.N(m, "problems"))),
        new(AuditAction.TierRulesPublish, TiersAttempt(), (m, t) => t.T("Tiers.Attempt", t.TierSource(V(m, "source")), t.N(m, "tiers"))),
        new(AuditAction.TierRulesPublish, TiersProblems(), (m, t) => t.T("Tiers.Problems", t.TierSource(V(m, "source")), t.N(m, "tiers"), t.N(m, "problems"))),
        new(AuditAction.TierRulesPublish, TiersBusy(), (m, t) => t.T("Tiers.Busy", t.TierSource(V(m, "source")), t.N(m, "tiers"))),
        new(AuditAction.TierRulesPublish, TiersDone(), (m, t) => t.T("Tiers.Done", t.TierSource(V(m, "source")), V(m, "version"), t.N(m, "tiers"))),
        new(AuditAction.ActionCreated, ActionAttempt(), (m, t) => t.T("Action.Attempt", V(m, "name"))),
        new(AuditAction.ActionCreated, ActionProblems(), (m, t) => t.T("Action.Problems", V(m, "name"), t.N(m, "problems"))),
        new(AuditAction.ActionCreated, ActionDone(), (m, t) => t.ActionDone(m)),
        new(AuditAction.PushPlanned, Planned(), (m, t) => t.T("Push.Planned", V(m, "audiences"), V(m, "at"))),
        new(AuditAction.PushPlanChanged, PlanAttempt(), (m, t) => t.T("Push.Plan", V(m, "id"))),
        new(AuditAction.PushPlanChanged, PlanChanged(), (m, t) => t.T("Push.Changed", V(m, "id"), V(m, "audience"), V(m, "from"), V(m, "to"))),
        new(AuditAction.PushPlanCancelled, PlanAttempt(), (m, t) => t.T("Push.Plan", V(m, "id"))),
        new(AuditAction.PushPlanCancelled, PlanCancelled(), (m, t) => t.T("Push.Cancelled", V(m, "id"), V(m, "audience"), V(m, "at"))),
        new(AuditAction.UserCreated, UserSetup(), (m, t) => t.T("User.Setup", V(m, "email"), t.Role(V(m, "role")))),
        new(AuditAction.UserCreated, UserAs(), (m, t) => t.T("User.Created", V(m, "email"), t.Role(V(m, "role")))),
        new(AuditAction.UserRoleChanged, UserTo(), (m, t) => t.T("User.RoleChanged", V(m, "email"), t.Role(V(m, "role")))),
        new(AuditAction.MappingSaved, MappingAttempt(), (m, t) => t.T("Mapping.Attempt", V(m, "name"))),
        new(AuditAction.MappingSaved, MappingPreset(), (m, t) => t.T("Mapping.Preset", V(m, "name"))),
        new(AuditAction.MappingSaved, MappingDone(), (m, t) => t.T("Mapping.Done", V(m, "name"), V(m, "version"), V(m, "kind"))),
    ];

    /// <summary>The detail of <paramref name="entry"/> in the current UI culture.</summary>
    public string Show(AuditEntry entry) => Show(entry.Action, entry.Detail);

    public string Show(AuditAction action, string detail)
    {
        if (detail.EndsWith(PastSuffix, StringComparison.Ordinal))
        {
            var head = detail[..^PastSuffix.Length];
            return T("Push.Past", Known(action, head) ?? head);
        }
        return Known(action, detail) ?? detail;
    }

    private string? Known(AuditAction action, string detail)
    {
        foreach (var pattern in Patterns)
        {
            if (pattern.Action == action && pattern.Regex.Match(detail) is { Success: true } m && pattern.Render(m, this) is { } shown)
            {
                return shown;
            }
        }
        return null;
    }

    private string ActionDone(Match m)
    {
        var groups = m.Groups["seed"].Success
            ? T("Action.Drawn", V(m, "seed"), Share(V(m, "share")))
            : text["Audit.Detail.Action.Given"].Value;
        var start = long.TryParse(V(m, "ms"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            ? format.DateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms))
            : V(m, "ms");
        return T("Action.Done", V(m, "name"), V(m, "external"), ActionSource(V(m, "source")), N(m, "members"), N(m, "contacted"), N(m, "holdout"),
            groups, N(m, "days"), start, N(m, "created"));
    }

    private static string V(Match m, string group) => m.Groups[group].Value;

    private string T(string key, params object[] args) => text["Audit.Detail." + key, args].Value;

    private string N(Match m, string group) =>
        long.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? format.Count(n) : m.Groups[group].Value;

    private string Share(string share) =>
        double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? format.Percent(s) : share;

    private string Role(string role) => text["Role." + role].Value;

    private string TierSource(string source) => Localized("Audit.Source." + source, source);

    private string ActionSource(string source) => Localized("Audit.ActionSource." + source, source);

    private string Localized(string key, string fallback) => text[key] is { ResourceNotFound: false } found ? found.Value : fallback;

    private const string Kind = "(?<kind>[a-z-]+)";
    private const string Time = @"\d{4}-\d\d-\d\d \d\d:\d\d";

    [GeneratedRegex($@"^{Kind}: (?<rows>\d+) rows \((?<added>\d+) added, (?<updated>\d+) updated\)$")]
    private static partial Regex ImportDone();

    [GeneratedRegex($@"^{Kind}: (?<rows>\d+) rows, (?<problems>\d+) problems, nothing written$")]
    private static partial Regex ImportProblems();

    [GeneratedRegex($@"^{Kind}: another import was running, nothing written$")]
    private static partial Regex ImportBusy();

    [GeneratedRegex($@"^{Kind} \(mapping (?<mapping>.*)\)$")]
    private static partial Regex MappedAttempt();

    [GeneratedRegex($@"^{Kind} via mapping '(?<mapping>.*)': another import was running, nothing written$")]
    private static partial Regex MappedBusy();

    [GeneratedRegex($@"^{Kind} via mapping '(?<mapping>.*)': (?<read>\d+) rows read, (?<skipped>\d+) skipped, (?<records>\d+) records \((?<added>\d+) added, (?<updated>\d+) updated\)$")]
    private static partial Regex MappedDone();

    [GeneratedRegex($@"^{Kind} via mapping '(?<mapping>.*)': (?<read>\d+) rows read, (?<problems>\d+) problems, nothing written$")]
    private static partial Regex MappedProblems();

    [GeneratedRegex(@"^(?<source>[a-z]+): (?<tiers>\d+) tiers$")]
    private static partial Regex TiersAttempt();

    [GeneratedRegex(@"^(?<source>[a-z]+): (?<tiers>\d+) tiers, (?<problems>\d+) problems$")]
    private static partial Regex TiersProblems();

    [GeneratedRegex(@"^(?<source>[a-z]+): (?<tiers>\d+) tiers, another import was running, nothing written$")]
    private static partial Regex TiersBusy();

    [GeneratedRegex(@"^(?<source>[a-z]+): version (?<version>\d+), (?<tiers>\d+) tiers$")]
    private static partial Regex TiersDone();

    [GeneratedRegex(@"^action '(?<name>.*)'$")]
    private static partial Regex ActionAttempt();

    [GeneratedRegex(@"^action '(?<name>.*)': (?<problems>\d+) problems, nothing written$")]
    private static partial Regex ActionProblems();

    [GeneratedRegex(@"^action '(?<name>.*)' \((?<external>[^,()]+), (?<source>[a-z-]+)\): (?<members>\d+) customers, (?<contacted>\d+) contacted, (?<holdout>\d+) holdout, (?:drawn with seed (?<seed>\d+) at (?<share>[0-9.Ee-]+)|groups given), (?<days>\d+) days from (?<ms>-?\d+) ms, (?<created>\d+) customers created$")]
    private static partial Regex ActionDone();

    [GeneratedRegex($@"^(?<audiences>.*) at (?<at>{Time})$")]
    private static partial Regex Planned();

    [GeneratedRegex(@"^plan (?<id>\d+)$")]
    private static partial Regex PlanAttempt();

    [GeneratedRegex($@"^plan (?<id>\d+) \((?<audience>.*)\): (?<from>{Time}) -> (?<to>{Time})$")]
    private static partial Regex PlanChanged();

    [GeneratedRegex($@"^plan (?<id>\d+) \((?<audience>.*)\) at (?<at>{Time})$")]
    private static partial Regex PlanCancelled();

    [GeneratedRegex(@"^(?<email>.+) as (?<role>Admin|Operator|Lead) \(first setup\)$")]
    private static partial Regex UserSetup();

    [GeneratedRegex(@"^(?<email>.+) as (?<role>Admin|Operator|Lead)$")]
    private static partial Regex UserAs();

    [GeneratedRegex(@"^(?<email>.+) to (?<role>Admin|Operator|Lead)$")]
    private static partial Regex UserTo();

    [GeneratedRegex(@"^mapping '(?<name>.*)'$")]
    private static partial Regex MappingAttempt();

    [GeneratedRegex(@"^mapping '(?<name>.*)': a preset's name$")]
    private static partial Regex MappingPreset();

    [GeneratedRegex(@"^mapping '(?<name>.*)' version (?<version>\d+) \((?<kind>[a-z-]+)\)$")]
    private static partial Regex MappingDone();
}

