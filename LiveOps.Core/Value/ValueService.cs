using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Tiers;

namespace LiveOps.Core.Value;

/// <summary>
/// Who will buy again and what they are worth: <c>report value</c> (contract §6), the value page, its exports and any
/// list built from them call this one service. Reads the shared <see cref="SnapshotStore"/> snapshot and fits the
/// models once per data version and as-of, keeping the few latest fits (the page's as-of and its backtest's). What the
/// page shows and the customer lists it downloads are computed once per query and data version and shared by every
/// circuit and download (<see cref="ReportCache"/>): scoring 200,000 customers per request is what many sessions at
/// once cannot afford.
/// </summary>
public sealed class ValueService(ReportCache cache, SnapshotStore store, TierRuleSetService tierRules, ZoneClock clock)
{
    private const int CachedModels = 6;

    private readonly Lock _gate = new();
    private readonly List<(ModelKey Key, Lazy<ValueModel> Model)> _models = [];

    private readonly record struct ModelKey(long Version, int LastDay, long CutoffMs);

    /// <summary>The §6 report: every customer with a paid order before as-of, by customerId (ordinal).</summary>
    public async Task<ValueReport> RunAsync(ValueQuery query, CancellationToken ct = default)
    {
        CheckHorizon(query.HorizonDays);
        var asOf = query.AsOf ?? clock.UtcNow;
        var model = await ModelAsync(asOf, ct);
        return Shape(model, clock.ToLocal(asOf), query.HorizonDays);
    }

    /// <summary>The horizons the page forecasts over.</summary>
    public static readonly IReadOnlyList<int> ForecastDays = [30, 90, 365];

    /// <summary>How many churn-risk customers the page lists before "export all".</summary>
    public const int TopChurnRisk = 100;

    /// <summary>Everything the value page shows: forecasts, quadrants, RFM segments, churn risk and the backtest.</summary>
    public Task<ValueInsights> InsightsAsync(ValueQuery query, CancellationToken ct = default)
    {
        CheckHorizon(query.HorizonDays);
        return cache.GetOrComputeAsync("value-insights", query, c => ComputeInsightsAsync(query, c), ct);
    }

    private async Task<ValueInsights> ComputeInsightsAsync(ValueQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var orders = await store.GetAsync(ct);
        var model = ModelOf(orders, asOf);
        var scores = ValueScores.Of(model, query.HorizonDays);
        var backtestModel = ModelOf(orders, asOf - TimeSpan.FromDays(query.HorizonDays));
        var backtest = backtestModel.Derived(query.HorizonDays, () => Backtest.Run(backtestModel, asOf, query.HorizonDays));
        var data = model.Data;
        var forecasts = ForecastDays.Select(d =>
        {
            var (purchases, value) = model.Totals(d);
            return new ValueForecast(d, purchases, value);
        }).ToList();
        var segments = Enum.GetValues<RfmSegment>().Select(segment =>
        {
            int n = 0, repeaters = 0;
            long units = 0;
            double value = 0;
            for (var i = 0; i < data.Count; i++)
            {
                if (scores.Segment[i] != segment)
                {
                    continue;
                }
                n++;
                repeaters += data.X[i] > 0 ? 1 : 0;
                units += data.TotalUnits[i];
                value += model.ExpectedValue(i, query.HorizonDays) ?? 0;
            }
            return new RfmSegmentSummary(segment, n, data.Count == 0 ? 0 : n / (double)data.Count, Money.FromUnits(units),
                model.HasValueModel ? value : null, n == 0 ? 0 : repeaters / (double)n);
        }).ToList();
        IReadOnlyList<ValueQuadrantCell>? quadrants = null;
        if (scores.Quadrant is { } cells)
        {
            quadrants = Enum.GetValues<ValueQuadrant>().Select(q =>
            {
                int n = 0;
                long units = 0;
                double value = 0;
                for (var i = 0; i < data.Count; i++)
                {
                    if (cells[i] == q)
                    {
                        n++;
                        units += data.TotalUnits[i];
                        value += model.ExpectedValue(i, query.HorizonDays)!.Value;
                    }
                }
                return new ValueQuadrantCell(q, n, value, Money.FromUnits(units));
            }).ToList();
        }
        var top = scores.ChurnRisk.Take(TopChurnRisk).ToArray();
        var tiers = await TiersAsync(model, top, ct);
        var atRisk = scores.ChurnRisk.Aggregate(0m, (sum, i) => sum + scores.AtRisk[i]!.Value);
        var churn = new ChurnRiskSummary(scores.ChurnRisk.Length, atRisk, scores.Basis, scores.ShopInterval,
            top.Select((i, k) => scores.Row(i, tiers[k])).ToList());
        var purchaseGap = model.Purchases.Gap != ModelGap.None ? model.Purchases.Gap : model.Spend.Gap;
        return new ValueInsights(clock.ToLocal(asOf), query.HorizonDays, data.Count, data.Groups.RepeatCustomers, Summary(model), purchaseGap,
            model.Reason, forecasts, quadrants, scores.Bounds, segments, churn, backtest)
        {
            ValueThreshold = scores.ValueThreshold,
        };
    }

    /// <summary>The customers behind a segment, a quadrant cell or the churn-risk list, in the page's order.</summary>
    public Task<IReadOnlyList<ValueCustomerRow>> CustomersAsync(ValueListQuery query, CancellationToken ct = default)
    {
        CheckHorizon(query.HorizonDays);
        return cache.GetOrComputeAsync("value-customers", query, c => ComputeCustomersAsync(query, c), ct);
    }

    private async Task<IReadOnlyList<ValueCustomerRow>> ComputeCustomersAsync(ValueListQuery query, CancellationToken ct)
    {
        var model = await ModelAsync(query.AsOf, ct);
        var scores = ValueScores.Of(model, query.HorizonDays);
        var members = scores.Members(query.Kind, query.Key);
        var tiers = await TiersAsync(model, members, ct);
        return members.Select((i, k) => scores.Row(i, tiers[k])).ToList();
    }

    /// <summary>Only the customer ids of a list (for building a contact list or an action from it).</summary>
    public Task<IReadOnlyList<string>> CustomerIdsAsync(ValueListQuery query, CancellationToken ct = default)
    {
        CheckHorizon(query.HorizonDays);
        return cache.GetOrComputeAsync("value-customer-ids", query, c => ComputeCustomerIdsAsync(query, c), ct);
    }

    private async Task<IReadOnlyList<string>> ComputeCustomerIdsAsync(ValueListQuery query, CancellationToken ct)
    {
        var model = await ModelAsync(query.AsOf, ct);
        return ValueScores.Of(model, query.HorizonDays).Members(query.Kind, query.Key).Select(model.Data.CustomerId).ToList();
    }

    /// <summary>The tier each listed customer holds at the model's as-of (null when the tier rules cannot be used).</summary>
    private async Task<string?[]> TiersAsync(ValueModel model, int[] members, CancellationToken ct)
    {
        var result = new string?[members.Length];
        if (members.Length == 0)
        {
            return result;
        }
        TierRuleVersion rules;
        try
        {
            rules = await tierRules.InForceAsync(model.Data.AsOf, ct);
        }
        catch (TierRulesUnusableException)
        {
            return result;
        }
        var data = model.Data;
        var orders = data.Orders;
        var throughMs = data.AsOf.ToUnixTimeMilliseconds();
        var afterMs = (data.AsOf - TierWindow.Length).ToUnixTimeMilliseconds();
        for (var k = 0; k < members.Length; k++)
        {
            var c = data.Customer[members[k]];
            long units = 0;
            var count = 0;
            for (var o = orders.OrderStart[c]; o < orders.OrderStart[c + 1] && orders.PlacedAtMs[o] <= throughMs; o++)
            {
                if (orders.PlacedAtMs[o] > afterMs)
                {
                    units += orders.AmountUnits[o];
                    count++;
                }
            }
            result[k] = TierEvaluator.Evaluate(rules.Rules, Money.FromUnits(units), count).Tier;
        }
        return result;
    }

    /// <summary>The fitted model at an as-of (default now), from the cache when the data have not changed.</summary>
    public async Task<ValueModel> ModelAsync(DateTimeOffset? asOf, CancellationToken ct = default)
    {
        var at = asOf ?? clock.UtcNow;
        var orders = await store.GetAsync(ct);
        return ModelOf(orders, at);
    }

    internal ValueModel ModelOf(DataSnapshot orders, DateTimeOffset asOf)
    {
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var lastDay = clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(asOfMs - 1)).DayNumber;
        // Orders after the latest one change nothing, so every as-of past it with the same E shares one fit.
        var cutoff = orders.LatestPlacedAtMs == DataSnapshot.NoInstant ? long.MinValue : Math.Min(asOfMs, orders.LatestPlacedAtMs + 1);
        var key = new ModelKey(orders.Version, lastDay, cutoff);
        Lazy<ValueModel> model;
        lock (_gate)
        {
            _models.RemoveAll(m => m.Key.Version != orders.Version);
            var found = _models.FindIndex(m => m.Key == key);
            if (found >= 0)
            {
                model = _models[found].Model;
            }
            else
            {
                model = new Lazy<ValueModel>(() => ValueModel.Fit(ValueData.Build(orders, asOf)));
                if (_models.Count >= CachedModels)
                {
                    _models.RemoveAt(0);
                }
                _models.Add((key, model));
            }
        }
        return model.Value;
    }

    /// <summary>Pure: the §6 shape of a fitted model at a horizon.</summary>
    public static ValueReport Shape(ValueModel model, DateTimeOffset asOf, int horizonDays)
    {
        var data = model.Data;
        var rows = new CustomerValue[data.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new CustomerValue(data.CustomerId(i), data.X[i], data.RecencyDays[i], data.AgeDays[i], data.Monetary(i),
                model.PAlive(i), model.ExpectedPurchases(i, horizonDays), model.ExpectedValue(i, horizonDays));
        }
        return new ValueReport(asOf, horizonDays, Summary(model), model.Reason, rows);
    }

    public static ValueModelSummary? Summary(ValueModel model)
    {
        if (model.Purchases.Parameters is not { } p)
        {
            return null;
        }
        var s = model.Spend.Parameters;
        return new ValueModelSummary(model.Data.Count, model.Data.Groups.RepeatCustomers, p.R, p.Alpha, p.A, p.B, model.Purchases.LogLikelihood, s?.P, s?.Q, s?.V)
        {
            Iterations = model.Purchases.Iterations + model.Spend.Iterations,
            FitTime = model.FitTime,
        };
    }

    public static void CheckHorizon(int horizonDays)
    {
        if (horizonDays is < 1 or > ValueQuery.MaxHorizonDays)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, $"the horizon is a whole number of days from 1 to {ValueQuery.MaxHorizonDays}");
        }
    }
}
