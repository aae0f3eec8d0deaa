using System.Globalization;

namespace LiveOps.Core.Common;

/// <summary>
/// The configured time zone together with the injected clock. Every "now" and every
/// local-calendar conversion in LiveOps goes through here, so reports are reproducible.
/// </summary>
public sealed class ZoneClock
{
    private readonly TimeProvider _time;

    public ZoneClock(TimeProvider time, TimeZoneInfo zone)
    {
        _time = time;
        Zone = zone;
    }

    public ZoneClock(TimeProvider time, string zoneId) : this(time, FindZone(zoneId)) { }

    public TimeZoneInfo Zone { get; }

    public string ZoneId => Zone.Id;

    public DateTimeOffset UtcNow => _time.GetUtcNow();

    public static TimeZoneInfo FindZone(string zoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"LiveOps:TimeZone '{zoneId}' is not a known IANA time zone.", nameof(zoneId), e);
        }
    }

    /// <summary>The instant expressed with the configured zone's offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant at which a local wall-clock time occurs (the earlier one when ambiguous, the later side of a gap when skipped).</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Zone.IsAmbiguousTime(local)
            ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>00:00 of the given local date, as an instant.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => FromLocal(date.ToDateTime(TimeOnly.MinValue));

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public DateOnly Today => LocalDate(UtcNow);

    /// <summary>
    /// Parses a command-line or form date: a bare date means 00:00 local; a date-time without an
    /// offset is local; one with an offset or Z is taken as given.
    /// </summary>
    public bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = StartOfDay(date);
            return true;
        }
        return Timestamps.TryParse(text, this, out instant);
    }
}
