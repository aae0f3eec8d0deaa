using LiveOps.Core.Common;

namespace LiveOps.Core.Data.Demo;

/// <summary>
/// The sizes and the calendar of one demo dataset. The window is the 364 whole local days before
/// the clock's current date, so every instant lies in the past year and the same date gives the same data.
/// </summary>
internal sealed class DemoPlan
{
    public const int Days = 364;
    private const double DefaultCustomers = DemoDataOptions.DefaultCustomers;
    private const long MinuteMs = 60_000;

    // Shop traffic by local hour: quiet nights, a lunch bump, and the evening live-room peak.
    private static readonly double[] HourWeights =
        [1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2, 2.5, 3, 3.5, 4, 3.5, 3, 3, 3, 3.5, 4.5, 7, 9.5, 10, 8, 4];

    private readonly double[] _hourCdf;

    private DemoPlan(int customers, DateOnly firstDay, long[] dayStartMs)
    {
        Customers = customers;
        FirstDay = firstDay;
        DayStartMs = dayStartMs;
        var ratio = customers / DefaultCustomers;
        LiveSessions = Math.Clamp((int)Math.Round(40 * ratio), 8, Days - 1);
        Audiences = Math.Max(4, (int)Math.Round(10 * ratio));
        Campaigns = Math.Max(12, (int)Math.Round(36 * ratio));
        var scale = Math.Max(1.0, ratio);
        // A bigger shop's loyal buyers buy more often: 3 orders per customer at 20,000 customers, ~5 at 200,000.
        var ordersPerCustomer = 3.0 + 2.0 * Math.Log10(scale);
        RepeatIntensity = (ordersPerCustomer - 0.97) / (3.0 - 0.97);
        _hourCdf = new double[HourWeights.Length];
        var sum = HourWeights.Sum();
        var running = 0.0;
        for (var h = 0; h < HourWeights.Length; h++)
        {
            running += HourWeights[h] / sum;
            _hourCdf[h] = running;
        }
    }

    public static DemoPlan For(DemoDataOptions options, ZoneClock clock)
    {
        var lastDay = clock.Today.AddDays(-1);
        var firstDay = lastDay.AddDays(-(Days - 1));
        var starts = new long[Days + 1];
        for (var d = 0; d <= Days; d++)
        {
            starts[d] = clock.StartOfDay(firstDay.AddDays(d)).ToUnixTimeMilliseconds();
        }
        return new DemoPlan(options.Customers, firstDay, starts);
    }

    public int Customers { get; }

    public int LiveSessions { get; }

    public int Audiences { get; }

    public int Campaigns { get; }

    /// <summary>Multiplies the extra orders of repeat buyers so the order volume grows with the shop.</summary>
    public double RepeatIntensity { get; }

    public DateOnly FirstDay { get; }

    /// <summary>Local midnight of each day of the window as UTC Unix ms; the last entry is the window's end.</summary>
    public long[] DayStartMs { get; }

    public long StartMs => DayStartMs[0];

    public long EndMs => DayStartMs[Days];

    /// <summary>The local day (0-based in the window) holding the instant.</summary>
    public int DayOf(long ms)
    {
        var i = Array.BinarySearch(DayStartMs, ms);
        var day = i >= 0 ? i : ~i - 1;
        return Math.Clamp(day, 0, Days - 1);
    }

    /// <summary>A local time on the given day, weighted toward the evening.</summary>
    public long TimeOnDay(Random rng, int day)
    {
        var u = rng.NextDouble();
        var hour = 0;
        while (hour < _hourCdf.Length - 1 && u > _hourCdf[hour])
        {
            hour++;
        }
        return DayStartMs[day] + (hour * 60 + rng.Next(60)) * MinuteMs + rng.Next(60) * 1000L;
    }

    /// <summary>
    /// An evening-weighted instant after <paramref name="fromMs"/>, on a uniformly chosen day up to the window's end
    /// (the window's last instant when nothing is left after it).
    /// </summary>
    public long TimeAfter(Random rng, long fromMs)
    {
        var first = DayOf(fromMs);
        const int last = Days - 1;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var t = TimeOnDay(rng, rng.Next(first, last + 1));
            if (t > fromMs)
            {
                return t;
            }
        }
        return Math.Min(fromMs + rng.Next(1, 120) * MinuteMs, EndMs - 1);
    }

    public static long Minutes(double minutes) => (long)(minutes * MinuteMs);

    public static long Hours(double hours) => (long)(hours * 60 * MinuteMs);

    public static long DaysMs(double days) => (long)(days * 24 * 60 * MinuteMs);
}
