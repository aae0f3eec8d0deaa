using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    StartsAt = table.Column<long>(type: "bigint", nullable: false),
                    WindowDays = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: true),
                    HoldoutShare = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "action_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    CustomerKey = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false)
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

            // Results read these tables: a write to them moves the change counter like any other.
            migrationBuilder.Sql("SELECT liveops_watch('actions');");
            migrationBuilder.Sql("SELECT liveops_watch('action_members');");
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
