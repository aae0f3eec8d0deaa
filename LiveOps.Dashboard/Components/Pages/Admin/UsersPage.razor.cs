using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Accounts;
using LiveOps.Dashboard.Components.Pages.Account;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Admin;

/// <summary>Admins add users (with a generated password shown once), change roles and disable accounts.</summary>
public partial class UsersPage
{
    private IReadOnlyList<UserSummary>? _users;
    private string? _email;
    private Role _role = Role.Operator;
    private bool _busy;
    private (string Email, string Password)? _created;
    private List<string> _problems = [];

    [Inject] private UserAccountService Accounts { get; set; } = default!;
    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;
    [Inject] private Formatting F { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await RunAsync(async () => _users = await Accounts.ListAsync());
        }
    }

    private Task AddAsync() => RunAsync(async () =>
    {
        _created = null;
        if (string.IsNullOrWhiteSpace(_email))
        {
            _problems = [A["Login.Missing"]];
            return;
        }
        var password = UserAccountService.GeneratePassword();
        var result = await Accounts.CreateAsync(_email, _role, password);
        if (Show(result))
        {
            _created = (_email.Trim(), password);
            _email = null;
        }
    });

    private Task ChangeRoleAsync(UserSummary user, string? value) => RunAsync(async () =>
    {
        if (Roles.TryParse(value, out var role) && role != user.Role && Show(await Accounts.ChangeRoleAsync(user.Id, role)))
        {
            Snackbar.Add(A["Users.Changed", user.Email], Severity.Success);
        }
    });

    private Task SetDisabledAsync(UserSummary user, bool disabled) => RunAsync(async () =>
    {
        if (Show(await Accounts.SetDisabledAsync(user.Id, disabled)))
        {
            Snackbar.Add(A["Users.Changed", user.Email], Severity.Success);
        }
    });

    private bool Show(UserChangeResult result)
    {
        _problems = result.Errors.Select(e => IdentityMessages.Describe(A, e)).ToList();
        return result.Succeeded;
    }

    // Every action reloads the list; a refusal (the role changed underneath) is shown, not thrown.
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            _problems = [];
            await action();
            _users = await Accounts.ListAsync();
        }
        catch (AccessDeniedException refusal)
        {
            _problems = [AccessMessages.Describe(A, refusal)];
        }
        finally
        {
            _busy = false;
        }
    }
}
