using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Components.Pages.Cadence;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Cadence;

/// <summary>The Overview card; the clock stands at Tue 2026-11-24 12:00, so this week is W48 and last week W47.</summary>
public sealed class CadenceOverviewCardTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await new CadenceFixture(_db).Audience("loud", "吵闹群").Audience("rare", "冷清群").Audience("calm", "安静群")
            .Promotions("loud", "2026-11-17T10:00:00", "2026-11-19T10:00:00")
            .Promotions("loud", "2026-11-23T10:00:00", "2026-11-23T12:00:00", "2026-11-24T09:00:00", "2026-11-24T10:00:00")
            .Promotions("rare", "2026-11-17T10:00:00")
            .Promotions("calm", "2026-11-17T10:00:00", "2026-11-18T10:00:00")
            .SaveAsync();
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(_db.Get<CadenceService>());
        _ctx.Services.AddSingleton(_db.Get<ZoneClock>());
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Card_CountsOverThisWeekAndUnderLastWeek_AndNamesTheOverPushed()
    {
        var card = _ctx.Render<CadenceOverviewCard>();

        card.WaitForAssertion(() => Assert.Equal("1", card.Find("[data-testid='card-over']").TextContent));
        Assert.Equal("1", card.Find("[data-testid='card-under']").TextContent);
        Assert.Contains("吵闹群", card.Markup);
        Assert.DoesNotContain("安静群", card.Markup);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
