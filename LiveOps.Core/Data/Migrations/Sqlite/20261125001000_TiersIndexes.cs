using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TiersIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_orders_Status_PlacedAt_CustomerKey_Amount",
                table: "orders",
                columns: new[] { "Status", "PlacedAt", "CustomerKey", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_Status_PlacedAt_CustomerKey_Amount",
                table: "orders");
        }
    }
}
