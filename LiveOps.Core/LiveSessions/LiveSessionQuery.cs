namespace LiveOps.Core.LiveSessions;

/// <summary>
/// Which live sessions to report: those that started in [<see cref="From"/>, <see cref="To"/>), either bound
/// optional. Orders are attributed to a session by the live_session_id they carry, whenever they were placed.
/// </summary>
public sealed record LiveSessionQuery(DateTimeOffset? From = null, DateTimeOffset? To = null);
