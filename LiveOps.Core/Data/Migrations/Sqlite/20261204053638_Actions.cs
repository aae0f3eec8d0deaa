using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Actions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: true),
                    HoldoutShare = table.Column<double>(type: "REAL", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "action_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_members_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_action_members_customers_CustomerKey",
                        column: x => x.CustomerKey,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_members_ActionId_CustomerKey",
                table: "action_members",
                columns: new[] { "ActionId", "CustomerKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_action_members_CustomerKey",
                table: "action_members",
                column: "CustomerKey");

            migrationBuilder.CreateIndex(
                name: "IX_actions_Name",
                table: "actions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_actions_StartsAt",
                table: "actions",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_members");

            migrationBuilder.DropTable(
                name: "actions");
        }
    }
}
