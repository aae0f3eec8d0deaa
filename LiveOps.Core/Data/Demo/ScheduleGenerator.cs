using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Data.Demo;

/// <summary>The shop's calendar: evening live sessions, private-domain audiences, campaigns and the pushes sent to each audience.</summary>
internal static class ScheduleGenerator
{
    /// <summary>Share of customers who end up in a private-domain audience (for sizing push reach).</summary>
    public const double ExpectedMemberShare = 0.36;

    public static void LiveSessions(DemoPlan plan, Random rng, DemoDataset data)
    {
        var count = plan.LiveSessions;
        for (var i = 0; i < count; i++)
        {
            // Spread over the window, at most one a day, never ending after the window.
            var day = (int)((long)i * (DemoPlan.Days - 1) / count);
            var start = plan.DayStartMs[day] + DemoPlan.Minutes(19 * 60 + 30 * rng.Next(3));
            var end = start + DemoPlan.Minutes(120 + 15 * rng.Next(9));
            var viewers = (int)(rng.Next(4_000, 30_000) * Math.Sqrt(Math.Max(1, plan.Customers / 20_000.0)));
            data.LiveSessions.Add(new DemoLiveSession(
                $"L{i + 1:D4}", start, end, DemoNames.SessionTitle(rng, plan.FirstDay.AddDays(day)), viewers,
                (int)(viewers * (0.08 + 0.12 * rng.NextDouble())), Math.Round(180 + 720 * rng.NextDouble(), 1)));
        }
    }

    public static void Audiences(DemoPlan plan, Random rng, DemoDataset data)
    {
        var groups = 0;
        var contacts = 0;
        for (var i = 0; i < plan.Audiences; i++)
        {
            // Six WeChat groups for every four WeCom contact lists; contact lists hold more people.
            var kind = i % 10 is 1 or 4 or 6 or 9 ? AudienceKind.WecomContacts : AudienceKind.WechatGroup;
            var number = kind == AudienceKind.WechatGroup ? ++groups : ++contacts;
            var id = kind == AudienceKind.WechatGroup ? $"grp-{number:D3}" : $"wecom-{number:D3}";
            var weight = (kind == AudienceKind.WechatGroup ? 0.7 : 1.6) * (0.6 + 0.8 * rng.NextDouble());
            data.Audiences.Add(new DemoAudience(id, DemoNames.AudienceName(kind, number), kind, weight));
        }
    }

    public static void Campaigns(DemoPlan plan, Random rng, DemoDataset data)
    {
        var types = Enum.GetValues<CampaignType>();
        int[] attributionDays = [7, 7, 7, 3, 14];
        for (var i = 0; i < plan.Campaigns; i++)
        {
            var type = types[i % types.Length];
            var day = Math.Min(DemoPlan.Days - 2, (int)((long)i * (DemoPlan.Days - 14) / plan.Campaigns) + rng.Next(4));
            var start = plan.DayStartMs[day] + DemoPlan.Hours(10);
            var end = Math.Min(start + DemoPlan.DaysMs(3 + rng.Next(12)), plan.EndMs - 1);
            // Content campaigns cost nothing extra; some others were run without a recorded budget.
            long? cost = type == CampaignType.Content || rng.NextDouble() < 0.15
                ? null
                : rng.Next(5, 200) * 100L * Common.Money.UnitsPerYuan;
            data.Campaigns.Add(new DemoCampaign(
                $"cmp-{i + 1:D3}", DemoNames.CampaignName(type, plan.FirstDay.AddDays(day)), type, start, end, cost,
                attributionDays[rng.Next(attributionDays.Length)]));
        }
    }

    /// <summary>
    /// Pushes per audience and ISO week: most weeks follow the 2–3 promotion guideline, some are
    /// over-pushed (4–6) and some under-pushed (0–1). Content and service pushes never count.
    /// </summary>
    public static void Pushes(DemoPlan plan, Random rng, DemoDataset data)
    {
        var firstMonday = plan.FirstDay.AddDays(-(((int)plan.FirstDay.DayOfWeek + 6) % 7));
        var weeks = (plan.FirstDay.AddDays(DemoPlan.Days).DayNumber - firstMonday.DayNumber + 6) / 7;
        var totalWeight = data.Audiences.Sum(a => a.Weight);
        var number = 0;
        for (var a = 0; a < data.Audiences.Count; a++)
        {
            var audience = data.Audiences[a];
            var fullSize = plan.Customers * ExpectedMemberShare * audience.Weight / totalWeight;
            for (var w = 0; w < weeks; w++)
            {
                var mondayDay = firstMonday.DayNumber + 7 * w - plan.FirstDay.DayNumber;
                var reach = (int)(fullSize * (0.25 + 0.75 * w / weeks));
                var u = rng.NextDouble();
                var over = u < 0.15;
                var promotions = over ? rng.Next(4, 7) : u < 0.27 ? rng.Next(0, 2) : rng.Next(2, 4);
                var pushes = new List<(long At, PushKind Kind)>();
                for (var p = 0; p < promotions; p++)
                {
                    pushes.Add((DayTime(plan, mondayDay + rng.Next(7), rng.Next(2) == 0 ? 11.5 : 18.5, rng), PushKind.Promotion));
                }
                for (var p = rng.Next(1, 3); p > 0; p--)
                {
                    pushes.Add((DayTime(plan, mondayDay + rng.Next(7), 12.5, rng), PushKind.Content));
                }
                if (rng.Next(2) == 0)
                {
                    pushes.Add((DayTime(plan, mondayDay + rng.Next(7), 10, rng), PushKind.Service));
                }
                pushes.Sort((x, y) => x.At.CompareTo(y.At));
                foreach (var (at, kind) in pushes)
                {
                    if (at < plan.StartMs || at >= plan.EndMs)
                    {
                        continue;
                    }
                    var campaign = kind == PushKind.Promotion ? CampaignRunningAt(data.Campaigns, at) : -1;
                    var reached = Math.Max(1, (int)(reach * (0.85 + 0.15 * rng.NextDouble())));
                    var clickRate = kind == PushKind.Promotion ? 0.04 + 0.10 * rng.NextDouble() : 0.02 + 0.06 * rng.NextDouble();
                    data.Pushes.Add(new DemoPush($"P{++number:D6}", a, at, kind, campaign, DemoNames.PushTitle(rng, kind), reached, (int)(reached * clickRate)));
                    if (kind == PushKind.Promotion)
                    {
                        audience.PromotionMs.Add(at);
                        if (over)
                        {
                            audience.OverPushedPromotionMs.Add(at);
                        }
                    }
                }
            }
        }
    }

    private static long DayTime(DemoPlan plan, int day, double hour, Random rng)
    {
        // Days outside the window map to instants outside it, which the caller drops.
        var dayStart = day < 0 ? plan.StartMs - 1 - DemoPlan.DaysMs(-day) : day >= DemoPlan.Days ? plan.EndMs + DemoPlan.DaysMs(day - DemoPlan.Days) : plan.DayStartMs[day];
        return dayStart + DemoPlan.Hours(hour) + DemoPlan.Minutes(rng.Next(90));
    }

    private static int CampaignRunningAt(List<DemoCampaign> campaigns, long at)
    {
        for (var c = 0; c < campaigns.Count; c++)
        {
            if (campaigns[c].StartMs <= at && at <= campaigns[c].EndMs)
            {
                return c;
            }
        }
        return -1;
    }
}
