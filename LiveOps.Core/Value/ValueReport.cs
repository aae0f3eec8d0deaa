using System.Text.Json.Serialization;

namespace LiveOps.Core.Value;

/// <summary><c>report value</c> of contract §6 at one as-of and horizon.</summary>
public sealed record ValueQuery(DateTimeOffset? AsOf = null, int HorizonDays = ValueQuery.DefaultHorizonDays)
{
    public const int DefaultHorizonDays = 90;

    /// <summary>Longest horizon accepted: ten years of days.</summary>
    public const int MaxHorizonDays = 3650;
}

/// <summary>
/// The §6 result. <see cref="Model"/> is null when the purchase model cannot be fitted; <see cref="Reason"/> then says
/// why (and also when only the spend model is missing, in which case p, q, v and every <c>expectedValue</c> are null).
/// </summary>
public sealed record ValueReport(
    DateTimeOffset AsOf,
    int HorizonDays,
    ValueModelSummary? Model,
    string? Reason,
    IReadOnlyList<CustomerValue> Customers);

public sealed record ValueModelSummary(
    int Customers,
    int RepeatCustomers,
    double R,
    double Alpha,
    double A,
    double B,
    double LogLikelihood,
    double? P,
    double? Q,
    double? V)
{
    /// <summary>Nelder-Mead iterations of the purchase and spend fits (for the benchmark; not part of the contract JSON).</summary>
    [JsonIgnore]
    public int Iterations { get; init; }

    [JsonIgnore]
    public TimeSpan FitTime { get; init; }
}

public sealed record CustomerValue(
    string CustomerId,
    int X,
    int RecencyDays,
    int AgeDays,
    decimal? Monetary,
    double? PAlive,
    double? ExpectedPurchases,
    double? ExpectedValue);
