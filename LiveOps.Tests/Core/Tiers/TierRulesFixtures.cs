using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Tiers;

/// <summary>Rule sets and rows for the tier tests, inserted with EF Core (not through the importer).</summary>
public static class TierRulesFixtures
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static IReadOnlyList<TierRuleDraft> Default =>
    [
        new("normal", 0, null, null, 0.95m, false),
        new("silver", 1, 2000m, 6, 0.90m, false),
        new("gold", 2, 8000m, 15, 0.85m, true),
    ];

    public static DateTimeOffset Local(int y, int m, int d, int h = 0, int min = 0, int s = 0, int ms = 0) =>
        new(y, m, d, h, min, s, ms, Shanghai);

    /// <summary>Inserts customers and paid/other orders: (customerId, placedAt, amount, status).</summary>
    public static void Insert(TestDatabase db, IEnumerable<string> customerIds, IEnumerable<(string Customer, DateTimeOffset At, decimal Amount, OrderStatus Status)> orders)
    {
        using var context = db.NewContext();
        var customers = customerIds.Select(id => new Customer { CustomerId = id }).ToList();
        context.Customers.AddRange(customers);
        context.SaveChanges();
        var keys = customers.ToDictionary(c => c.CustomerId, c => c.Id);
        var n = context.Orders.Count();
        foreach (var (customer, at, amount, status) in orders)
        {
            context.Orders.Add(new Order { OrderId = $"o{++n}", CustomerKey = keys[customer], PlacedAt = at, Amount = amount, Status = status });
        }
        context.SaveChanges();
    }

    public static (string, DateTimeOffset, decimal, OrderStatus) Paid(string customer, DateTimeOffset at, decimal amount) => (customer, at, amount, OrderStatus.Paid);
}
