using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// How long an import (or a tier-rule publish) waits for another one that holds the database before it answers
    /// "another import is running" without writing anything.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "LiveOps:WriteWaitSeconds must be between {1} and {2}")]
    public int WriteWaitSeconds { get; set; } = 15;

    /// <summary>The web app seeds the demo dataset when it starts on an empty database.</summary>
    public bool DemoData { get; set; } = true;

    // Nested options are validated member by member at start (ValidateDataAnnotations alone stops at this class).
    [Required]
    [ValidateObjectMembers]
    public PushCadenceOptions PushCadence { get; set; } = new();

    /// <summary>Initial tier rules, used when the database holds none.</summary>
    [ValidateEnumeratedItems]
    public List<TierRuleOptions> Tiers { get; set; } = [];
}

public sealed class PushCadenceOptions
{
    [Range(0, 100, ErrorMessage = "LiveOps:PushCadence:MinPerWeek must be between {1} and {2}")]
    public int MinPerWeek { get; set; } = 2;

    [Range(1, 100, ErrorMessage = "LiveOps:PushCadence:MaxPerWeek must be between {1} and {2}")]
    public int MaxPerWeek { get; set; } = 3;

    /// <summary>Local time from which a send counts as disturbing members; may be after <see cref="QuietHoursEnd"/> (the span crosses midnight).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(22, 0);

    /// <summary>Local time at which quiet hours end. Equal to the start: no quiet hours.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>WeCom's own group-send limit, an optional second rule; off while both limits are empty.</summary>
    [Required]
    [ValidateObjectMembers]
    public WeComLimitOptions WeCom { get; set; } = new();
}

/// <summary>
/// WeCom limits group sends. It applies to <c>wecom_contacts</c> audiences and counts sends of every kind.
/// </summary>
public sealed class WeComLimitOptions
{
    /// <summary>At most this many group sends reach one customer per local day (evaluated per audience).</summary>
    [Range(1, 100, ErrorMessage = "LiveOps:PushCadence:WeCom:MaxPerCustomerPerDay must be empty or between {1} and {2}")]
    public int? MaxPerCustomerPerDay { get; set; }

    /// <summary>At most this many group sends per audience per calendar month (local).</summary>
    [Range(1, 1000, ErrorMessage = "LiveOps:PushCadence:WeCom:MaxPerAudiencePerMonth must be empty or between {1} and {2}")]
    public int? MaxPerAudiencePerMonth { get; set; }

    public bool Enabled => MaxPerCustomerPerDay is not null || MaxPerAudiencePerMonth is not null;
}

public sealed class TierRuleOptions
{
    [Required(ErrorMessage = "LiveOps:Tiers: every tier needs a name (Tier)")]
    public string Tier { get; set; } = "";

    [Range(0, 1000, ErrorMessage = "LiveOps:Tiers: Rank must be between {1} and {2}")]
    public int Rank { get; set; }
    public decimal? MinSpend12m { get; set; }
    public int? MinOrders12m { get; set; }
    [Range(typeof(decimal), "0.0001", "1", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "LiveOps:Tiers: Discount must be above 0 and at most 1 (0.95 means 95% of the list price)")]
    public decimal Discount { get; set; } = 1m;
    public bool DedicatedService { get; set; }

    /// <summary>The name operators read (e.g. 银卡); empty shows the default name for the code.</summary>
    public string? DisplayName { get; set; }
}
