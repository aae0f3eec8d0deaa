using MathNet.Numerics.Statistics;

namespace LiveOps.LoadBench;

/// <summary>What one target (a page in the browser, a page or a download over HTTP) measured under load.</summary>
public sealed record TargetSummary(string Kind, string Target, int Count, int Errors, double P50, double P95, double Max);

/// <summary>Timings collected by every session at once.</summary>
public sealed class LoadStats
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Target), List<double>> _seconds = [];
    private readonly Dictionary<(string Kind, string Target), int> _errors = [];
    private readonly List<string> _firstErrors = [];

    public void Add(string kind, string target, TimeSpan elapsed)
    {
        lock (_gate)
        {
            Seconds(kind, target).Add(elapsed.TotalSeconds);
        }
    }

    public void Fail(string kind, string target, string why)
    {
        lock (_gate)
        {
            Seconds(kind, target);
            _errors[(kind, target)] = _errors.GetValueOrDefault((kind, target)) + 1;
            if (_firstErrors.Count < 10)
            {
                _firstErrors.Add($"{kind} {target}: {why}");
            }
        }
    }

    /// <summary>Up to ten error messages, in the order they happened.</summary>
    public IReadOnlyList<string> FirstErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _firstErrors];
            }
        }
    }

    public IReadOnlyList<TargetSummary> Summaries()
    {
        lock (_gate)
        {
            return _seconds
                .OrderBy(e => e.Key.Kind, StringComparer.Ordinal).ThenBy(e => e.Key.Target, StringComparer.Ordinal)
                .Select(e => Summarise(e.Key.Kind, e.Key.Target, e.Value, _errors.GetValueOrDefault(e.Key)))
                .ToList();
        }
    }

    /// <summary>Every timing of one kind together (e.g. all browser pages): the figure the goals are stated for.</summary>
    public TargetSummary Overall(string kind)
    {
        lock (_gate)
        {
            var all = _seconds.Where(e => e.Key.Kind == kind).SelectMany(e => e.Value).ToList();
            var errors = _errors.Where(e => e.Key.Kind == kind).Sum(e => e.Value);
            return Summarise(kind, "all", all, errors);
        }
    }

    /// <summary>
    /// p50 and p95 by linear interpolation between the closest ranks (Hyndman and Fan's definition 7, as numpy's
    /// <c>percentile</c> and Excel's <c>PERCENTILE.INC</c>); NaN when nothing succeeded.
    /// </summary>
    public static TargetSummary Summarise(string kind, string target, IReadOnlyCollection<double> seconds, int errors) =>
        seconds.Count == 0
            ? new TargetSummary(kind, target, 0, errors, double.NaN, double.NaN, double.NaN)
            : new TargetSummary(kind, target, seconds.Count, errors,
                seconds.QuantileCustom(0.50, QuantileDefinition.R7), seconds.QuantileCustom(0.95, QuantileDefinition.R7), seconds.Max());

    private List<double> Seconds(string kind, string target)
    {
        if (!_seconds.TryGetValue((kind, target), out var list))
        {
            list = [];
            _seconds[(kind, target)] = list;
        }
        return list;
    }
}
