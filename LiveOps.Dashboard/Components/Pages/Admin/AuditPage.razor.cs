using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Admin;

/// <summary>The audit log, newest first, filtered by who, what, outcome and local dates; 100 entries at a time.</summary>
public partial class AuditPage
{
    private const int PageSize = 100;

    private AuditEntries? _page;
    private readonly List<AuditEntry> _entries = [];
    private string? _actor;
    private AuditAction? _action;
    private AuditOutcome? _outcome;
    private DateOnly? _from;
    private DateOnly? _to;
    private AuditDetailText? _details;

    [Inject] private AuditQueryService Audit { get; set; } = default!;
    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;
    [Inject] private Formatting F { get; set; } = default!;

    /// <summary>Whether the shown entries are filtered (an empty log and an empty search say different things).</summary>
    private bool Filtered => !string.IsNullOrWhiteSpace(_actor) || _action is not null || _outcome is not null || _from is not null || _to is not null;

    private AuditDetailText Details => _details ??= new(A, F);

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await SearchAsync();
        }
    }

    private async Task SearchAsync()
    {
        _entries.Clear();
        await MoreAsync();
    }

    private async Task MoreAsync()
    {
        _page = await Audit.QueryAsync(new AuditQuery(_actor, _action, _outcome, _from, _to, _entries.Count, PageSize));
        _entries.AddRange(_page.Entries);
    }
}
