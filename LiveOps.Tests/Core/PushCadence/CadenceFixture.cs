using System.Globalization;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.PushCadence;

/// <summary>Writes cadence fixture rows with EF Core; times are local Asia/Shanghai unless they carry an offset.</summary>
public sealed class CadenceFixture(Func<LiveOpsDbContext> newContext)
{
    public CadenceFixture(TestDatabase db) : this(db.NewContext)
    {
    }

    private readonly List<object> _rows = [];
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private int _pushes;

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(
        text.Length <= 19 ? text + "+08:00" : text, CultureInfo.InvariantCulture);

    public CadenceFixture Audience(string id, string name, AudienceKind kind = AudienceKind.WechatGroup, int? members = null)
    {
        _rows.Add(new Audience { AudienceId = id, Name = name, Kind = kind, MemberCount = members });
        return this;
    }

    public CadenceFixture Push(string audienceId, string at, PushKind kind = PushKind.Promotion, string? id = null)
    {
        _rows.Add(new Push { PushId = id ?? $"p{++_pushes:D3}", AudienceId = audienceId, SentAt = At(at), Kind = kind });
        return this;
    }

    public CadenceFixture Promotions(string audienceId, params string[] at)
    {
        foreach (var t in at)
        {
            Push(audienceId, t);
        }
        return this;
    }

    /// <summary>A planned promotion push, as if saved from the dashboard on the day before <paramref name="at"/>.</summary>
    public CadenceFixture Planned(string audienceId, string at, string? title = null)
    {
        _rows.Add(new LiveOps.Core.PushCadence.PlannedPush
        {
            AudienceId = audienceId, PlannedAt = At(at), Kind = PushKind.Promotion, Title = title, CreatedAt = At(at).AddDays(-1),
        });
        return this;
    }

    public CadenceFixture Event(string audienceId, string customerId, string at, AudienceEventType type)
    {
        if (!_customers.TryGetValue(customerId, out var customer))
        {
            customer = new Customer { CustomerId = customerId };
            _customers[customerId] = customer;
            _rows.Add(customer);
        }
        _rows.Add(new PendingEvent(audienceId, customer, At(at), type));
        return this;
    }

    public async Task SaveAsync()
    {
        await using var context = newContext();
        foreach (var row in _rows.Where(r => r is not PendingEvent))
        {
            context.Add(row);
        }
        await context.SaveChangesAsync();
        foreach (var e in _rows.OfType<PendingEvent>())
        {
            context.Add(new AudienceEvent { AudienceId = e.AudienceId, CustomerKey = e.Customer.Id, At = e.At, Event = e.Type });
        }
        await context.SaveChangesAsync();
        _rows.Clear();
    }

    private sealed record PendingEvent(string AudienceId, Customer Customer, DateTimeOffset At, AudienceEventType Type);
}
