using Bunit;
using LiveOps.Core.Accounts;
using LiveOps.Core.Actions;
using LiveOps.Core.Common;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Pages.Actions;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Actions;

/// <summary>The create-action form in its dialog over a real database: a name the rule for names refuses is marked on the field.</summary>
public sealed class CreateActionDialogTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(services: s => s.Replace(ServiceDescriptor.Singleton<IActorAccessor>(
        new SettableActorAccessor { Current = AccountsTestKit.As(Role.Operator) })));
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(_db.Get<ActionService>());
        _ctx.Services.AddSingleton(_db.Get<ZoneClock>());
        _ctx.Services.AddScoped<Formatting>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ANameWithAControlCharacter_IsMarkedOnTheField_AndNothingIsSaved()
    {
        var provider = _ctx.Render<MudDialogProvider>();
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();
        var members = Enumerable.Range(1, 20).Select(i => new ActionMemberInput($"c{i:000}")).ToList();
        var parameters = new DialogParameters<CreateActionDialog> { { d => d.Members, members }, { d => d.SuggestedName, "沉睡唤醒" } };
        await provider.InvokeAsync(() => dialogs.ShowAsync<CreateActionDialog>("", parameters));
        provider.WaitForElement("[data-testid=action-preview]");

        provider.Find("input[data-testid=action-name]").Input("沉睡\u202E唤醒");

        provider.WaitForAssertion(() => Assert.Contains("含有控制字符（换行、制表符、NUL 或文字方向控制符），请删去", provider.Markup));
        provider.Find("[data-testid=action-save]").Click();
        await using (var context = _db.NewContext())
        {
            Assert.Equal(0, context.Set<ActionRecord>().Count());
        }
        Assert.Equal("沉睡\u202E唤醒", provider.Find("input[data-testid=action-name]").GetAttribute("value"));
        Assert.Empty(provider.FindAll("[data-testid=action-problems]"));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
