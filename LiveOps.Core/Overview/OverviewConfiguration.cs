using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.Overview;

/// <summary>
/// A covering index for the daily GMV: paid orders in a time range, with the amount and the buyer,
/// read from the index alone. Without it a year of a million orders, imported in no particular time
/// order, costs a random row lookup per order (measured ~20 s against ~4 s with it).
/// </summary>
public sealed class OverviewOrderIndexConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder) =>
        builder.HasIndex(x => new { x.Status, x.PlacedAt, x.CustomerKey, x.Amount }, "IX_orders_Status_PlacedAt_Covering");
}
