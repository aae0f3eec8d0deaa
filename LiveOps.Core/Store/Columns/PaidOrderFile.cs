using LiveOps.Core.Common;

namespace LiveOps.Core.Store;

/// <summary>
/// A <see cref="PaidOrderSnapshot"/>'s columns in a <see cref="ColumnFile"/>: written by whoever read them from the
/// tables (after an import, the import itself), read by every later process while the database has not changed.
/// </summary>
internal static class PaidOrderFile
{
    public const string Name = "paid-orders";

    /// <summary>The layout; a change of what is written below needs a new one, so old files are not misread.</summary>
    private const string Kind = "paid-orders/1";

    public static PaidOrderSnapshot? TryRead(string path, ChangeStamp stamp, long atVersion, ZoneClock clock) =>
        ColumnFile.TryRead(path, Kind, stamp, file =>
        {
            var ids = file.ReadIds();
            var nicknames = file.ReadStrings();
            var acquisition = file.Read<sbyte>();
            var joined = file.Read<long>();
            var keyIndex = file.Read<int>();
            var start = file.Read<int>();
            var placedAt = file.Read<long>();
            var amount = file.Read<long>();
            var channel = file.Read<sbyte>();
            var campaign = file.Read<int>();
            var campaignIds = file.ReadIds();
            var liveSession = file.Read<int>();
            var liveSessionIds = file.ReadIds();
            var n = ids.Length;
            var m = placedAt.Length;
            if (nicknames.Length != n || acquisition.Length != n || joined.Length != n || start.Length != n + 1 || start[n] != m
                || amount.Length != m || channel.Length != m || campaign.Length != m || liveSession.Length != m)
            {
                return null;
            }
            return new PaidOrderSnapshot(atVersion, clock, ids, nicknames, acquisition, joined, start, placedAt, amount, channel,
                campaign, campaignIds, keyIndex)
            {
                LiveSessions = liveSession,
                LiveSessionIds = liveSessionIds,
                Stamp = stamp,
                FromFile = true,
            };
        });

    public static void TryWrite(string path, PaidOrderSnapshot snapshot) =>
        ColumnFile.TryWrite(path, Kind, snapshot.Stamp!, file =>
        {
            file.Write(snapshot.CustomerIds);
            file.Write(snapshot.Nicknames);
            file.Write(snapshot.AcquisitionChannels);
            file.Write(snapshot.JoinedPrivateMs);
            file.Write(snapshot.KeyIndex);
            file.Write(snapshot.OrderStart);
            file.Write(snapshot.PlacedAtMs);
            file.Write(snapshot.AmountUnits);
            file.Write(snapshot.Channels);
            file.Write(snapshot.Campaigns);
            file.Write(snapshot.CampaignIds);
            file.Write(snapshot.LiveSessions);
            file.Write(snapshot.LiveSessionIds);
        });
}
