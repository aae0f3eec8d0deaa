using LiveOps.Core.Analytics;
using LiveOps.Core.Common;

namespace LiveOps.Core.Value;

/// <summary>
/// Who will buy again and what they are worth: <c>report value</c> (contract §6), the value page, its exports and any
/// list built from them call this one service. Reads the shared <see cref="PaidOrderStore"/> snapshot and fits the
/// models once per data version and as-of, keeping the few latest fits (the page's as-of and its backtest's).
/// </summary>
public sealed class ValueService(PaidOrderStore store, ZoneClock clock)
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

    /// <summary>The fitted model at an as-of (default now), from the cache when the data have not changed.</summary>
    public async Task<ValueModel> ModelAsync(DateTimeOffset? asOf, CancellationToken ct = default)
    {
        var at = asOf ?? clock.UtcNow;
        var orders = await store.GetAsync(ct);
        return ModelOf(orders, at);
    }

    internal ValueModel ModelOf(PaidOrderSnapshot orders, DateTimeOffset asOf)
    {
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var lastDay = clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(asOfMs - 1)).DayNumber;
        // Orders after the latest one change nothing, so every as-of past it with the same E shares one fit.
        var cutoff = orders.LatestPlacedAtMs == PaidOrderSnapshot.NoInstant ? long.MinValue : Math.Min(asOfMs, orders.LatestPlacedAtMs + 1);
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
