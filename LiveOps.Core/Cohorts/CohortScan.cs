using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Cohorts;

/// <summary>
/// The one pass over the column store that every cohort figure comes from: a customer belongs to the cohort of
/// their first paid order ever, is shown when that order lies in [From, To), and their orders before To are counted.
/// </summary>
internal static class CohortScan
{
    public static readonly int[] LtvDays = [30, 90, 180];

    private const long DayMs = 86_400_000;

    // The "unknown" group sits after the enum's values.
    private static readonly int AcquisitionChannelCount = Enum.GetValues<AcquisitionChannel>().Length;
    private static readonly int OrderChannelCount = Enum.GetValues<OrderChannel>().Length;

    /// <summary>The period range a query covers, or null when it covers nothing.</summary>
    public static (int FirstCohort, int Last)? Range(DataSnapshot data, CohortQuery query)
    {
        int last;
        if (query.To is { } to)
        {
            last = data.PeriodOf(query.Period, to.ToUnixTimeMilliseconds() - 1);
        }
        else if (data.OrderCount > 0)
        {
            last = data.PeriodOf(query.Period, data.LatestPlacedAtMs);
        }
        else
        {
            return null;
        }
        int first;
        if (query.From is { } from)
        {
            first = data.PeriodOf(query.Period, from.ToUnixTimeMilliseconds());
        }
        else if (data.OrderCount > 0)
        {
            first = data.PeriodOf(query.Period, data.PlacedAtMs.Min());
        }
        else
        {
            return null;
        }
        return first <= last ? (first, last) : null;
    }

    public static string[] GroupKeys(DataSnapshot data, CohortBreakdown breakdown) => breakdown switch
    {
        CohortBreakdown.AcquisitionChannel => [.. Enum.GetValues<AcquisitionChannel>().Select(v => ContractNames.Of(v)), CohortGroups.Unknown],
        CohortBreakdown.Membership => [CohortGroups.Before, CohortGroups.After, CohortGroups.Never],
        CohortBreakdown.FirstOrderChannel => [.. Enum.GetValues<OrderChannel>().Select(v => ContractNames.Of(v)), CohortGroups.Unknown],
        CohortBreakdown.FirstOrderCampaign => [CohortGroups.NoCampaign, .. data.CampaignIds],
        _ => [CohortGroups.All],
    };

    /// <summary>The group index of customer c, whose first paid order is at index s.</summary>
    public static int GroupOf(DataSnapshot data, CohortBreakdown breakdown, int c, int s) => breakdown switch
    {
        CohortBreakdown.AcquisitionChannel => data.AcquisitionChannels[c] < 0 ? AcquisitionChannelCount : data.AcquisitionChannels[c],
        CohortBreakdown.Membership => data.JoinedPrivateMs[c] == DataSnapshot.NoInstant ? 2
            : data.JoinedPrivateMs[c] <= data.PlacedAtMs[s] ? 0 : 1,
        CohortBreakdown.FirstOrderChannel => data.Channels[s] < 0 ? OrderChannelCount : data.Channels[s],
        CohortBreakdown.FirstOrderCampaign => data.Campaigns[s] + 1,
        _ => 0,
    };

    public static CohortTally? Run(DataSnapshot data, CohortQuery query)
    {
        if (Range(data, query) is not var (firstCohort, last))
        {
            return null;
        }
        var fromMs = query.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var keys = GroupKeys(data, query.Breakdown);
        var tally = new CohortTally(firstCohort, last - firstCohort + 1, last - firstCohort + 1, keys);
        var ordinals = data.PeriodOrdinals(query.Period);
        var placed = data.PlacedAtMs;
        var amount = data.AmountUnits;
        var starts = data.OrderStart;

        for (var c = 0; c < data.CustomerCount; c++)
        {
            var s = starts[c];
            var e = starts[c + 1];
            if (s == e || placed[s] < fromMs || placed[s] >= toMs)
            {
                continue;
            }
            var firstMs = placed[s];
            var cohort = ordinals[s];
            var ci = cohort - firstCohort;
            var row = tally.Row(GroupOf(data, query.Breakdown, c, s), ci);
            row.Size++;
            tally.CohortSizes[ci]++;
            tally.Customers++;
            tally.FirstOrderUnits += amount[s];

            var previousK = -1;
            var count = 0;
            for (var j = s; j < e && placed[j] < toMs; j++)
            {
                var k = ordinals[j] - cohort;
                count++;
                row.Orders[k]++;
                row.RevenueUnits[k] += amount[j];
                if (k != previousK)
                {
                    row.Active[k]++;
                    previousK = k;
                }
                var sinceFirst = placed[j] - firstMs;
                for (var w = 0; w < LtvDays.Length; w++)
                {
                    if (sinceFirst <= LtvDays[w] * DayMs)
                    {
                        row.LtvUnits[w] += amount[j];
                        tally.LtvUnits[w][ci] += amount[j];
                    }
                }
                if (j > s)
                {
                    tally.RepeatOrderUnits += amount[j];
                    tally.RepeatOrders++;
                }
                if (j == s + 1)
                {
                    tally.SecondOrderGaps.Add(sinceFirst);
                }
            }
            row.LastActive[previousK]++;
            tally.Orders += count;
            if (count > 1)
            {
                tally.Repeaters++;
            }
        }
        return tally;
    }
}

/// <summary>The group keys the breakdowns produce besides the contract's enum spellings.</summary>
public static class CohortGroups
{
    public const string All = "all";
    public const string Unknown = "unknown";
    public const string Before = "before";
    public const string After = "after";
    public const string Never = "never";
    public const string NoCampaign = "(none)";
}
