using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.PushCadence;

public sealed record AudienceRow(string AudienceId, string Name, AudienceKind? Kind, int? MemberCount);

public sealed record PushRow(string PushId, string AudienceId, DateTimeOffset SentAt, PushKind Kind);

public sealed record PlannedRow(string AudienceId, DateTimeOffset PlannedAt, PushKind Kind);

public readonly record struct MemberEventRow(string AudienceId, DateTimeOffset At, AudienceEventType Event);

/// <summary>Joins and leaves of an audience before <see cref="CadenceInput.EventsFrom"/> and in total.</summary>
public sealed record MemberTotals(string AudienceId, int JoinsBefore, int LeavesBefore, int JoinsTotal, int LeavesTotal);

/// <summary>
/// Everything the report is shaped from. <see cref="Events"/> holds the join and leave events from
/// <see cref="EventsFrom"/> on; <see cref="Totals"/> the counts the membership rebuild needs beyond them.
/// </summary>
public sealed record CadenceInput(
    IReadOnlyList<AudienceRow> Audiences,
    IReadOnlyList<PushRow> Pushes,
    IReadOnlyList<PlannedRow> Planned,
    DateTimeOffset EventsFrom,
    IReadOnlyList<MemberEventRow> Events,
    IReadOnlyList<MemberTotals> Totals);

/// <summary>
/// Turns loaded rows into the cadence report; pure, so every rule can be tested on literal rows.
/// Membership at a week's start: when the audience has a member_count, that count is taken as the current
/// size and rolled back through later joins and leaves (members(t) = member_count − joins at or after t +
/// leaves at or after t); without one, members(t) = joins before t − leaves before t. Never below zero.
/// </summary>
public static class CadenceShaper
{
    public static CadenceReport Shape(CadenceInput input, CadenceQuery query, DateTimeOffset asOf, PushCadenceOptions options, ZoneClock clock)
    {
        var currentWeek = Period.Containing(PeriodKind.Week, asOf, clock);
        var lastWeek = LastWeek(query, asOf, clock);
        Period? fromWeek = query.From is { } from ? Period.Containing(PeriodKind.Week, from, clock) : null;

        var audiences = MergeAudiences(input, query.AudienceId);
        var weekOf = new Func<DateTimeOffset, int>(t => Period.Containing(PeriodKind.Week, t, clock).Ordinal);
        var pushesByAudience = input.Pushes.GroupBy(p => p.AudienceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.SentAt).ToList(), StringComparer.Ordinal);
        var eventsByAudience = input.Events.GroupBy(e => e.AudienceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ToList(), StringComparer.Ordinal);
        var plannedByAudience = input.Planned.GroupBy(p => p.AudienceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var totals = input.Totals.ToDictionary(t => t.AudienceId, StringComparer.Ordinal);

        var rows = new List<CadenceAudience>(audiences.Count);
        var warnings = new List<CadenceWarning>();
        var overRates = new List<double>();
        var okRates = new List<double>();
        var leavesAfterPromotion = 0;
        foreach (var audience in audiences)
        {
            var pushes = pushesByAudience.GetValueOrDefault(audience.AudienceId) ?? [];
            var events = eventsByAudience.GetValueOrDefault(audience.AudienceId) ?? [];
            var plans = plannedByAudience.GetValueOrDefault(audience.AudienceId) ?? [];
            Period? first = fromWeek ?? (pushes.Count > 0 ? Period.Containing(PeriodKind.Week, pushes[0].SentAt, clock) : null);

            var counts = new Dictionary<int, (int Promotion, int Content, int Service)>();
            foreach (var push in pushes)
            {
                var week = weekOf(push.SentAt);
                var c = counts.GetValueOrDefault(week);
                counts[week] = push.Kind switch
                {
                    PushKind.Promotion => (c.Promotion + 1, c.Content, c.Service),
                    PushKind.Content => (c.Promotion, c.Content + 1, c.Service),
                    _ => (c.Promotion, c.Content, c.Service + 1),
                };
            }
            var (leaves, leavesAfter) = CountLeaves(pushes, events, weekOf);
            var plannedWeeks = plans.GroupBy(p => weekOf(p.PlannedAt)).ToDictionary(g => g.Key, g => g.Count());
            var membership = new Membership(audience.MemberCount, totals.GetValueOrDefault(audience.AudienceId), events);

            var weeks = new List<CadenceWeek>();
            var audienceOver = new List<double>();
            var audienceOk = new List<double>();
            if (first is { } firstWeek)
            {
                for (var week = firstWeek; week <= lastWeek; week = week.Next)
                {
                    var c = counts.GetValueOrDefault(week.Ordinal);
                    var status = CadenceRules.Status(c.Promotion, options.MinPerWeek, options.MaxPerWeek, week == currentWeek);
                    var members = membership.At(week.Start(clock));
                    var after = leavesAfter.GetValueOrDefault(week.Ordinal);
                    var rate = CadenceRules.LeaveRate(after, members);
                    weeks.Add(new CadenceWeek(week.ToString(), c.Promotion, status)
                    {
                        Period = week,
                        ContentPushes = c.Content,
                        ServicePushes = c.Service,
                        Planned = plannedWeeks.GetValueOrDefault(week.Ordinal),
                        Leaves = leaves.GetValueOrDefault(week.Ordinal),
                        LeavesAfterPromotion = after,
                        MembersAtStart = members,
                        LeaveRate = rate,
                    });
                    leavesAfterPromotion += after;
                    if (status is CadenceStatus.Over or CadenceStatus.Under)
                    {
                        warnings.Add(new CadenceWarning(audience.AudienceId, week.ToString(), c.Promotion, status));
                    }
                    // The running week's leaves are still coming in: it would understate either side.
                    if (rate is { } r && week != currentWeek)
                    {
                        (status == CadenceStatus.Over ? audienceOver : status == CadenceStatus.Ok ? audienceOk : null)?.Add(r);
                    }
                }
            }
            overRates.AddRange(audienceOver);
            okRates.AddRange(audienceOk);

            var laterFrom = weeks.Count > 0 ? lastWeek.Next.Ordinal : (first ?? currentWeek).Ordinal;
            var blocked = audience.Kind == AudienceKind.WecomContacts && options.WeCom.Enabled && first is { } f
                ? WeComRule.Blocked(pushes.Select(p => new GroupSend(p.PushId, p.SentAt)), clock.LocalDate,
                        options.WeCom.MaxPerCustomerPerDay, options.WeCom.MaxPerAudiencePerMonth)
                    .Where(b => b.SentAt >= f.Start(clock) && b.SentAt < lastWeek.End(clock)).ToList()
                : [];
            rows.Add(new CadenceAudience(audience.AudienceId, audience.Name, weeks)
            {
                Kind = audience.Kind,
                MemberCount = audience.MemberCount,
                PlannedLater = plannedWeeks.Where(p => p.Key >= laterFrom).OrderBy(p => p.Key)
                    .Select(p => new PlannedWeek(new Period(PeriodKind.Week, p.Key), p.Value)).ToList(),
                WeComBlocked = blocked,
                LeaveRates = Compare(audienceOver, audienceOk),
            });
        }

        return new CadenceReport(options.MinPerWeek, options.MaxPerWeek, rows, warnings)
        {
            AsOf = asOf,
            CurrentWeek = currentWeek,
            Fatigue = new FatigueSummary(Compare(overRates, okRates), leavesAfterPromotion),
            WeComRuleEnabled = options.WeCom.Enabled,
        };
    }

    /// <summary>
    /// The last week listed: the week holding the last instant before --to, else the week of --as-of;
    /// never a week after the week of --as-of.
    /// </summary>
    public static Period LastWeek(CadenceQuery query, DateTimeOffset asOf, ZoneClock clock)
    {
        var currentWeek = Period.Containing(PeriodKind.Week, asOf, clock);
        if (query.To is not { } to)
        {
            return currentWeek;
        }
        var toWeek = Period.Containing(PeriodKind.Week, to.AddTicks(-1), clock);
        return toWeek < currentWeek ? toWeek : currentWeek;
    }

    private static List<AudienceRow> MergeAudiences(CadenceInput input, string? only)
    {
        var byId = input.Audiences.ToDictionary(a => a.AudienceId, StringComparer.Ordinal);
        foreach (var push in input.Pushes)
        {
            byId.TryAdd(push.AudienceId, new AudienceRow(push.AudienceId, push.AudienceId, null, null));
        }
        return byId.Values
            .Where(a => only is null || a.AudienceId == only)
            .OrderBy(a => a.AudienceId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// All leaves per week of the leave, and leaves within 48 h after a promotion push per week of that push.
    /// A leave after two pushes is counted once, for the latest push at or before it.
    /// </summary>
    private static (Dictionary<int, int> Leaves, Dictionary<int, int> After) CountLeaves(
        List<PushRow> pushes, List<MemberEventRow> events, Func<DateTimeOffset, int> weekOf)
    {
        var promotions = pushes.Where(p => p.Kind == PushKind.Promotion).Select(p => p.SentAt).ToArray();
        var leaves = new Dictionary<int, int>();
        var after = new Dictionary<int, int>();
        var next = 0;
        foreach (var e in events)
        {
            if (e.Event != AudienceEventType.Left)
            {
                continue;
            }
            var week = weekOf(e.At);
            leaves[week] = leaves.GetValueOrDefault(week) + 1;
            while (next < promotions.Length && promotions[next] <= e.At)
            {
                next++;
            }
            if (next > 0 && e.At - promotions[next - 1] <= CadenceRules.LeaveWindow)
            {
                var pushWeek = weekOf(promotions[next - 1]);
                after[pushWeek] = after.GetValueOrDefault(pushWeek) + 1;
            }
        }
        return (leaves, after);
    }

    private static LeaveRateComparison Compare(List<double> over, List<double> ok) =>
        new(over.Count > 0 ? over.Average() : null, over.Count, ok.Count > 0 ? ok.Average() : null, ok.Count)
        {
            OverWeekRates = [.. over],
            OkWeekRates = [.. ok],
        };

    /// <summary>
    /// Audience size at an instant, rebuilt from the loaded events (ordered by time) and the totals.
    /// Asked for weeks in order, so it walks the events once.
    /// </summary>
    private sealed class Membership(int? memberCount, MemberTotals? totals, List<MemberEventRow> events)
    {
        private int _next;
        private int _joinsBefore = totals?.JoinsBefore ?? 0;
        private int _leavesBefore = totals?.LeavesBefore ?? 0;

        public int? At(DateTimeOffset t)
        {
            for (; _next < events.Count && events[_next].At < t; _next++)
            {
                if (events[_next].Event == AudienceEventType.Joined)
                {
                    _joinsBefore++;
                }
                else
                {
                    _leavesBefore++;
                }
            }
            if (memberCount is { } count)
            {
                var joinsFrom = (totals?.JoinsTotal ?? 0) - _joinsBefore;
                var leavesFrom = (totals?.LeavesTotal ?? 0) - _leavesBefore;
                return Math.Max(0, count - joinsFrom + leavesFrom);
            }
            return totals is null && events.Count == 0 ? null : Math.Max(0, _joinsBefore - _leavesBefore);
        }
    }
}
