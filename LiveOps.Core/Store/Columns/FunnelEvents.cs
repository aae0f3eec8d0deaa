namespace LiveOps.Core.Store;

/// <summary>
/// A <see cref="DataSnapshot"/>'s funnel events, grouped by its customers: customer c's events are at
/// <c>Start[c] .. Start[c+1]-1</c>, by time (events at one instant keep their insertion order). The campaign pass
/// merges them with the snapshot's paid orders in memory. About 13 bytes per event (~11 MB at 850,000 events).
/// </summary>
public sealed class FunnelEvents
{
    internal FunnelEvents(long version, ColumnValues columns, int[] start)
    {
        Version = version;
        columns.AssignTo(this);
        Start = start;
    }

    /// <summary>UTC Unix milliseconds.</summary>
    [Column(Table.Events, "At")] public long[] AtMs { get; private init; } = [];

    /// <summary>Index into <see cref="CampaignIds"/> (every campaign id that events name, known campaign or not).</summary>
    [Column(Table.Events, "CampaignId", Ids = nameof(CampaignIds))] public int[] Campaigns { get; private init; } = [];

    /// <summary><see cref="Data.Entities.CampaignStage"/> as an int.</summary>
    [Column(Table.Events, "Stage")] public sbyte[] Stages { get; private init; } = [];

    public string[] CampaignIds { get; private init; } = [];

    /// <summary>The version of the <see cref="DataSnapshot"/> whose customer numbering this follows.</summary>
    public long Version { get; }

    public int[] Start { get; }

    /// <summary>True when the columns came from the file persisted next to the database rather than from its table.</summary>
    public bool FromFile { get; init; }
}
