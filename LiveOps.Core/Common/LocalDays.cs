namespace LiveOps.Core.Common;

/// <summary>
/// The local date (configured zone) of instants in a known range, by binary search over the starts of the few hundred
/// local days in it instead of a time-zone conversion per instant; outside the range it converts as
/// <see cref="ZoneClock.LocalDate"/> does. A local day is one contiguous interval of instants in any zone, so both agree.
/// </summary>
public sealed class LocalDays
{
    private readonly ZoneClock _clock;
    private readonly DateOnly _first;
    private readonly long[] _starts;

    /// <summary>Covers every instant from <paramref name="fromMs"/> to <paramref name="toMs"/> (UTC ms, inclusive).</summary>
    public LocalDays(ZoneClock clock, long fromMs, long toMs)
    {
        _clock = clock;
        if (toMs < fromMs)
        {
            _starts = [];
            return;
        }
        _first = clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(fromMs));
        var last = clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(toMs));
        // One start more than there are days: the end of the last day bounds the range.
        _starts = new long[last.DayNumber - _first.DayNumber + 2];
        for (var i = 0; i < _starts.Length; i++)
        {
            _starts[i] = clock.StartOfDay(_first.AddDays(i)).ToUnixTimeMilliseconds();
        }
    }

    public DateOnly Of(long ms)
    {
        if (_starts.Length == 0 || ms < _starts[0] || ms >= _starts[^1])
        {
            return _clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(ms));
        }
        var at = Array.BinarySearch(_starts, ms);
        return _first.AddDays(at >= 0 ? at : ~at - 1);
    }
}
