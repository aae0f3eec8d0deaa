using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OverviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_orders_Status_PlacedAt_Covering",
                table: "orders",
                columns: new[] { "Status", "PlacedAt", "CustomerKey", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_Status_PlacedAt_Covering",
                table: "orders");
        }
    }
}
