
namespace LiveOps.Core.Store;

/// <summary><see cref="FunnelEvents"/> in a <see cref="ColumnFile"/>, keyed like the snapshot whose customer numbering it follows.</summary>
internal static class FunnelEventFile
{
    public const string Name = "funnel-events";

    /// <summary>The layout; a change of what is written below needs a new one, so old files are not misread.</summary>
    private const string Kind = "funnel-events/1";

    public static FunnelEvents? TryRead(string path, ChangeStamp stamp, PaidOrderSnapshot snapshot) =>
        ColumnFile.TryRead(path, Kind, stamp, file =>
        {
            var start = file.Read<int>();
            var at = file.Read<long>();
            var campaigns = file.Read<int>();
            var stages = file.Read<sbyte>();
            var campaignIds = file.ReadIds();
            var m = at.Length;
            return start.Length == snapshot.CustomerCount + 1 && start[^1] == m && campaigns.Length == m && stages.Length == m
                ? new FunnelEvents(snapshot.Version, start, at, campaigns, stages, campaignIds) { FromFile = true }
                : null;
        });

    public static void TryWrite(string path, ChangeStamp stamp, FunnelEvents events) =>
        ColumnFile.TryWrite(path, Kind, stamp, file =>
        {
            file.Write(events.Start);
            file.Write(events.AtMs);
            file.Write(events.Campaigns);
            file.Write(events.Stages);
            file.Write(events.CampaignIds);
        });
}
