using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TierDisplayNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "tier_rules",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "tier_rules");
        }
    }
}
