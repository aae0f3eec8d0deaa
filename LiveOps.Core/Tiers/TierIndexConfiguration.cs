using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.Tiers;

/// <summary>
/// A covering index for the tier window: paid orders in a PlacedAt range with their customer and amount
/// come from the index alone, in one range scan, without a lookup into the table per order.
/// </summary>
public sealed class TierIndexConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder) =>
        builder.HasIndex(x => new { x.Status, x.PlacedAt, x.CustomerKey, x.Amount }, "IX_orders_Status_PlacedAt_CustomerKey_Amount");
}
