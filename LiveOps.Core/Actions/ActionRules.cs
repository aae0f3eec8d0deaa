namespace LiveOps.Core.Actions;

/// <summary>The defaults and limits of an action (contract §7).</summary>
public static class ActionRules
{
    public const int MaxNameLength = 200;

    /// <summary>The holdout share when none is given: one customer in ten is held back.</summary>
    public const double DefaultHoldoutShare = 0.1;

    public const int DefaultWindowDays = 14;

    /// <summary>Longest measurement window accepted; a longer one is a typo, not a campaign.</summary>
    public const int MaxWindowDays = 366;

    /// <summary>Longest list accepted; far beyond any private-domain send.</summary>
    public const int MaxCustomers = 1_000_000;

    /// <summary>The external id of an action, as reports and the command line print it.</summary>
    public static string ExternalId(int id) => "a" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The holdout size for a list of <paramref name="customers"/> and share <paramref name="share"/>:
    /// round(n × F), halves rounded away from zero.
    /// </summary>
    public static int HoldoutSize(int customers, double share) =>
        (int)Math.Round(customers * share, MidpointRounding.AwayFromZero);
}

/// <summary>Where an action's list came from; completed actions of one source pool into a programme holdout.</summary>
public static class ActionSources
{
    public const string Upload = "upload";
    public const string TierNearNext = "tier-near-next";
    public const string TierDowngradeRisk = "tier-downgrade-risk";
    public const string CohortCell = "cohort-cell";
    public const string CampaignNonBuyers = "campaign-non-buyers";
    public const string AudienceMembers = "audience-members";
    public const string ChurnRisk = "churn-risk";

    public static IReadOnlyList<string> All { get; } =
        [Upload, TierNearNext, TierDowngradeRisk, CohortCell, CampaignNonBuyers, AudienceMembers, ChurnRisk];

    public static bool IsKnown(string? source) => source is not null && All.Contains(source, StringComparer.Ordinal);
}
