using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Core.Cohorts;

/// <summary>
/// Customers and orders written with EF Core into a test database, timestamps spelled as the CSV contract
/// spells them (local without an offset, or with +08:00/Z), followed by a DataVersion bump as every writer does.
/// </summary>
public sealed class ShopFixture(IServiceProvider services)
{
    public ShopFixture(TestDatabase db) : this(db.Services)
    {
    }

    private static int _nextOrder;
    private readonly List<Customer> _customers = [];
    private readonly List<(string Customer, Order Order)> _orders = [];

    public ShopFixture Customer(string id, AcquisitionChannel? acquisition = null, string? joinedPrivate = null)
    {
        _customers.Add(new Customer
        {
            CustomerId = id,
            Nickname = "nick-" + id,
            AcquisitionChannel = acquisition,
            JoinedPrivateAt = joinedPrivate is null ? null : At(joinedPrivate),
        });
        return this;
    }

    public ShopFixture Order(string customer, string placedAt, decimal amount, OrderStatus status = OrderStatus.Paid,
        OrderChannel? channel = null, string? campaign = null)
    {
        _orders.Add((customer, new Order
        {
            OrderId = $"o{Interlocked.Increment(ref _nextOrder)}",
            PlacedAt = At(placedAt),
            Amount = amount,
            Status = status,
            Channel = channel,
            CampaignId = campaign,
        }));
        return this;
    }

    public async Task SaveAsync()
    {
        await using (var context = services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContext())
        {
            foreach (var missing in _orders.Select(o => o.Customer).Distinct().Where(id => _customers.All(c => c.CustomerId != id)).ToList())
            {
                _customers.Add(new Customer { CustomerId = missing });
            }
            context.Customers.AddRange(_customers);
            await context.SaveChangesAsync();
            var keys = _customers.ToDictionary(c => c.CustomerId, c => c.Id);
            foreach (var (customer, order) in _orders)
            {
                order.CustomerKey = keys[customer];
            }
            context.Orders.AddRange(_orders.Select(o => o.Order));
            await context.SaveChangesAsync();
        }
        services.GetRequiredService<DataVersion>().Bump();
    }

    private DateTimeOffset At(string text) =>
        services.GetRequiredService<ZoneClock>().TryParseInstant(text, out var instant) ? instant : throw new ArgumentException($"bad timestamp {text}");
}
