using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audiences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AudienceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Cost = table.Column<long>(type: "INTEGER", nullable: true),
                    AttributionDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", nullable: true),
                    AcquiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcquisitionChannel = table.Column<int>(type: "INTEGER", nullable: true),
                    JoinedPrivateAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PrivateAudienceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LiveSessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Viewers = table.Column<int>(type: "INTEGER", nullable: true),
                    PeakConcurrent = table.Column<int>(type: "INTEGER", nullable: true),
                    AvgWatchSeconds = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pushes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PushId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AudienceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Reached = table.Column<int>(type: "INTEGER", nullable: true),
                    Clicked = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pushes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tier_rule_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tier_rule_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audience_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AudienceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerKey = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Event = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audience_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_audience_events_customers_CustomerKey",
                        column: x => x.CustomerKey,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerKey = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_campaign_events_customers_CustomerKey",
                        column: x => x.CustomerKey,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerKey = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LiveSessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orders_customers_CustomerKey",
                        column: x => x.CustomerKey,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tier_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    MinSpend12m = table.Column<long>(type: "INTEGER", nullable: true),
                    MinOrders12m = table.Column<int>(type: "INTEGER", nullable: true),
                    Discount = table.Column<long>(type: "INTEGER", nullable: false),
                    DedicatedService = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tier_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tier_rules_tier_rule_sets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "tier_rule_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audience_events_AudienceId_At",
                table: "audience_events",
                columns: new[] { "AudienceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audience_events_AudienceId_CustomerKey_At_Event",
                table: "audience_events",
                columns: new[] { "AudienceId", "CustomerKey", "At", "Event" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audience_events_CustomerKey_At",
                table: "audience_events",
                columns: new[] { "CustomerKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_AudienceId",
                table: "audiences",
                column: "AudienceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_events_CampaignId_CustomerKey_At_Stage",
                table: "campaign_events",
                columns: new[] { "CampaignId", "CustomerKey", "At", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_events_CustomerKey_At",
                table: "campaign_events",
                columns: new[] { "CustomerKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_CampaignId",
                table: "campaigns",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_StartsAt",
                table: "campaigns",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_customers_CustomerId",
                table: "customers",
                column: "CustomerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_live_sessions_LiveSessionId",
                table: "live_sessions",
                column: "LiveSessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_live_sessions_StartedAt",
                table: "live_sessions",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_orders_CustomerKey_PlacedAt",
                table: "orders",
                columns: new[] { "CustomerKey", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_OrderId",
                table: "orders",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_PlacedAt",
                table: "orders",
                column: "PlacedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pushes_AudienceId_SentAt",
                table: "pushes",
                columns: new[] { "AudienceId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pushes_PushId",
                table: "pushes",
                column: "PushId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tier_rule_sets_CreatedAt",
                table: "tier_rule_sets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_tier_rules_RuleSetId_Rank",
                table: "tier_rules",
                columns: new[] { "RuleSetId", "Rank" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audience_events");

            migrationBuilder.DropTable(
                name: "audiences");

            migrationBuilder.DropTable(
                name: "campaign_events");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "live_sessions");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "pushes");

            migrationBuilder.DropTable(
                name: "tier_rules");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "tier_rule_sets");
        }
    }
}
