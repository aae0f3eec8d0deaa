using System.ComponentModel.DataAnnotations;

namespace LiveOps.Core.Common;

/// <summary>The <c>LiveOps</c> configuration section (contract §1).</summary>
public sealed class LiveOpsOptions
{
    public const string SectionName = "LiveOps";

    /// <summary>IANA zone for day/week/month boundaries and for timestamps without an offset.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Display only; amounts are stored as decimal yuan.</summary>
    [Required]
    public string Currency { get; set; } = "CNY";

    /// <summary>The web app seeds the demo dataset when it starts on an empty database.</summary>
    public bool DemoData { get; set; } = true;

    [Required]
    public PushCadenceOptions PushCadence { get; set; } = new();

    /// <summary>Initial tier rules, used when the database holds none.</summary>
    public List<TierRuleOptions> Tiers { get; set; } = [];
}

public sealed class PushCadenceOptions
{
    [Range(0, 100)]
    public int MinPerWeek { get; set; } = 2;

    [Range(1, 100)]
    public int MaxPerWeek { get; set; } = 3;
}

public sealed class TierRuleOptions
{
    [Required]
    public string Tier { get; set; } = "";
    public int Rank { get; set; }
    public decimal? MinSpend12m { get; set; }
    public int? MinOrders12m { get; set; }
    public decimal Discount { get; set; } = 1m;
    public bool DedicatedService { get; set; }
}
