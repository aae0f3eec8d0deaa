using Bunit;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Dashboard;
using LiveOps.Tests.Core.Campaigns;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Campaigns;

/// <summary>A bUnit context wired to a real SQLite database holding <see cref="CampaignFixture"/>.</summary>
public abstract class CampaignUiTestBase : BunitContext, IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();

    public async Task InitializeAsync()
    {
        await using (var context = Db.NewContext())
        {
            await CampaignFixture.SeedAsync(context);
        }
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(Db.Get<ZoneClock>());
        Services.AddSingleton(Db.Get<CampaignService>());
        Services.AddSingleton(Db.Get<LiveOps.Core.Actions.ActionListSources>());
        Services.AddSingleton(Db.Get<LiveOps.Core.RepurchaseCycle.RepurchaseCycleService>());
        Services.AddSingleton(Db.Get<LiveOps.Core.Tiers.TierRuleSetService>());
        Services.AddScoped<Formatting>();
        this.SignInAs(LiveOps.Core.Accounts.Role.Lead, "lead@liveops.test");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected Task<CampaignReport> ReportAsync(CampaignQuery? query = null) => Db.Get<CampaignService>().RunAsync(query ?? new CampaignQuery());

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Db.DisposeAsync();
    }
}
