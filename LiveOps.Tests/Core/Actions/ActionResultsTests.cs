using System.Globalization;
using System.Text;
using LiveOps.Core.Actions;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;

namespace LiveOps.Tests.Core.Actions;

/// <summary>Results of actions on a real SQLite database, against published and hand-computed figures.</summary>
public sealed class ActionResultsTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(now: Local(2026, 11, 24, 12));

    private static readonly DateTimeOffset Starts = Local(2026, 11, 1);

    public Task InitializeAsync() => Task.CompletedTask;

    private ActionResultsService Results => _db.Get<ActionResultsService>();

    private async Task<CreatedAction> CreateAsync(string name, string csv, int windowDays = 14, DateTimeOffset? starts = null, string source = ActionSources.Upload)
    {
        var result = await _db.Get<ActionService>().CreateFromFileAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            new ActionDraft(name, [], StartsAt: starts ?? Starts, WindowDays: windowDays, Source: source));
        Assert.Empty(result.Problems);
        return result.Action!;
    }

    private async Task ImportOrdersAsync(IEnumerable<(string Id, string Customer, DateTimeOffset At, decimal Amount, string Status)> orders)
    {
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount,status\n");
        foreach (var (id, customer, at, amount, status) in orders)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id},{customer},{at:yyyy-MM-ddTHH:mm:ss.fffzzz},{amount},{status}\n");
        }
        var result = await _db.Get<IImportService>().ImportAsync(ImportKind.Orders, new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Hillstrom_MensEmailAgainstNoEmail_GivesThePublishedDifferenceIntervalAndZ()
    {
        // MineThatData e-mail test (Hillstrom 2008), conversion in two weeks: men's e-mail 267 buyers of 21,307 with
        // $30,311.69; no e-mail 122 of 21,306 with $13,908.33. Revenue per buyer is planted so the sums are exact:
        // 266 × 113.53 + 112.71 and 121 × 114.00 + 114.33.
        var list = new StringBuilder("customer_id,group\n");
        for (var i = 1; i <= 21307; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"m{i:00000},contacted\n");
        }
        for (var i = 1; i <= 21306; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"n{i:00000},holdout\n");
        }
        await CreateAsync("Hillstrom men's e-mail", list.ToString());
        var day = Starts.AddDays(3);
        await ImportOrdersAsync(
        [
            .. Enumerable.Range(1, 267).Select(i => ($"om{i}", $"m{i:00000}", day, i == 267 ? 112.71m : 113.53m, "paid")),
            .. Enumerable.Range(1, 122).Select(i => ($"on{i}", $"n{i:00000}", day, i == 122 ? 114.33m : 114.00m, "paid")),
        ]);

        var report = await Results.RunAsync(new ActionsQuery());

        var a = Assert.Single(report.Actions);
        Assert.True(a.Complete);
        Assert.Equal((21307, 267, 30311.69m), (a.Contacted.Customers, a.Contacted.Buyers, a.Contacted.Revenue));
        Assert.Equal((21306, 122, 13908.33m), (a.Holdout.Customers, a.Holdout.Buyers, a.Holdout.Revenue));
        var c = a.Comparison;
        Assert.Equal(0.00681, c.Difference, 5);               // +0.681 points
        Assert.Equal(0.00500, c.Ci95[0], 5);                  // [+0.50, +0.86]
        Assert.Equal(0.00861, c.Ci95[1], 5);
        Assert.Equal(7.39, c.Z!.Value, 2);
        Assert.InRange(c.PValue!.Value, 1.52e-13, 1.53e-13);  // 2Φ(−7.3851) = 1.5232e-13
        // 30311.69/21307 − 13908.33/21306 = 1.422616 − 0.652789
        Assert.Equal(0.769827, c.RevenueDifference, 6);
        // Welch over the planted amounts: s₁² = (266·113.53² + 112.71² − 30311.69²/21307)/21306, s₀² likewise.
        Assert.Equal(0.564654, c.RevenueCi95![0], 5);
        Assert.Equal(0.975000, c.RevenueCi95[1], 5);
        Assert.Equal(144.994, c.IncrementalBuyers, 3);
        Assert.Equal(16402.71, c.IncrementalRevenue, 2);
        Assert.Equal(ActionVerdict.Significant, a.Verdict);
    }

    [Fact]
    public async Task Window_CountsPaidOrdersFromStartToStartPlusNDays_AndMarksOpenWindows()
    {
        var action = await CreateAsync("边界", "customer_id,group\nc1,contacted\nc2,contacted\nc3,contacted\nc4,holdout\nc5,holdout\n", windowDays: 7);
        var end = Starts.AddDays(7);
        await ImportOrdersAsync(
        [
            ("o1", "c1", Starts, 10m, "paid"),                       // at the start: in
            ("o2", "c1", Starts.AddDays(1), 5.5m, "paid"),           // a second order of the same buyer
            ("o3", "c2", end.AddMilliseconds(-1), 20m, "paid"),      // last instant: in
            ("o4", "c3", end, 99m, "paid"),                          // at the end: out
            ("o5", "c3", Starts.AddDays(2), 50m, "refunded"),        // not paid: out
            ("o6", "c4", Starts.AddMilliseconds(-1), 70m, "paid"),   // before: out (but in the baseline)
            ("o7", "c5", Starts.AddDays(6), 8m, "paid"),
        ]);

        var complete = Assert.Single((await Results.RunAsync(new ActionsQuery())).Actions);
        var open = Assert.Single((await Results.RunAsync(new ActionsQuery(Starts.AddDays(1).AddHours(1)))).Actions);

        Assert.Equal(action.ActionId, complete.ActionId);
        Assert.True(complete.Complete);
        Assert.Equal((3, 2, 35.5m, 3), (complete.Contacted.Customers, complete.Contacted.Buyers, complete.Contacted.Revenue, complete.Contacted.Orders));
        Assert.Equal((2, 1, 8m, 1), (complete.Holdout.Customers, complete.Holdout.Buyers, complete.Holdout.Revenue, complete.Holdout.Orders));
        Assert.Equal(2.0 / 3 - 0.5, complete.Comparison.Difference, 12);
        Assert.Equal(35.5 / 3 - 4, complete.Comparison.RevenueDifference, 12);
        Assert.Equal(0.2, complete.BaselineRate, 12); // c4 of the five bought in the 7 days before
        Assert.False(open.Complete);
        Assert.Equal((1, 15.5m), (open.Contacted.Buyers, open.Contacted.Revenue)); // only orders before the as-of instant
    }

    [Fact]
    public async Task Detail_DailyCumulativeBuyers_StopAtTheAsOfDay()
    {
        var action = await CreateAsync("每日", "customer_id,group\nc1,contacted\nc2,contacted\nc3,holdout\nc4,holdout\n", windowDays: 5);
        await ImportOrdersAsync(
        [
            ("o1", "c1", Starts.AddHours(5), 10m, "paid"),
            ("o2", "c1", Starts.AddDays(2), 10m, "paid"),   // not a new buyer
            ("o3", "c2", Starts.AddDays(2).AddHours(1), 10m, "paid"),
            ("o4", "c3", Starts.AddDays(1), 10m, "paid"),
        ]);

        var detail = await Results.DetailAsync(action.Id, Starts.AddDays(3).AddHours(2));

        Assert.Equal(new[] { (1, 1, 0), (2, 1, 1), (3, 2, 1), (4, 2, 1) },
            detail!.Days.Select(d => (d.Day, d.ContactedBuyers, d.HoldoutBuyers)).ToArray());
        Assert.Equal(1.0, detail.Days[^1].ContactedRate);
        Assert.Equal(0.5, detail.Days[^1].HoldoutRate);
        Assert.Null(await Results.DetailAsync(action.Id + 99));
    }

    [Fact]
    public async Task Pooled_AddsUpCompletedActionsOfOneSource_OnlyCompleted()
    {
        await CreateAsync("一月", "customer_id,group\na1,contacted\na2,contacted\na3,holdout\n", source: ActionSources.TierNearNext);
        await CreateAsync("二月", "customer_id,group\nb1,contacted\nb2,holdout\nb3,holdout\n", starts: Starts.AddDays(5), source: ActionSources.TierNearNext);
        await CreateAsync("还没结束", "customer_id,group\nd1,contacted\nd2,holdout\n", starts: Local(2026, 11, 20), source: ActionSources.TierNearNext);
        await CreateAsync("别的来源", "customer_id,group\ne1,contacted\ne2,holdout\n", source: ActionSources.Upload);
        await ImportOrdersAsync(
        [
            ("o1", "a1", Starts.AddDays(1), 10m, "paid"),
            ("o2", "b1", Starts.AddDays(6), 30m, "paid"),
            ("o3", "b2", Starts.AddDays(6), 20m, "paid"),
            ("o4", "d1", Local(2026, 11, 21), 20m, "paid"),
        ]);

        var report = await Results.RunAsync(new ActionsQuery());

        Assert.Equal(new[] { ActionSources.TierNearNext, ActionSources.Upload }, report.Pooled.Select(p => p.Source).ToArray());
        var pool = report.Pooled[0];
        Assert.Equal(2, pool.Actions);
        Assert.Equal((3, 2, 40m), (pool.Contacted.Customers, pool.Contacted.Buyers, pool.Contacted.Revenue));
        Assert.Equal((3, 1, 20m), (pool.Holdout.Customers, pool.Holdout.Buyers, pool.Holdout.Revenue));
        Assert.Equal(1.0 / 3, pool.Comparison.Difference, 12);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
