using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Sqlite
{
    /// <summary>
    /// A change counter that survives the process: one <c>data_changes</c> row, bumped by triggers on the tables the
    /// column stores are built from, so a store persisted next to the database file is known to be current (same
    /// <c>instance</c> and <c>version</c>) or stale, whichever process or tool wrote last.
    /// Hand-written (not part of the EF model). Bulk writers (import, demo data) drop the triggers inside their
    /// transaction and bump the row once instead of once per row (<c>SqliteProvider.SuspendChangeTriggers</c>).
    /// </summary>
    [DbContext(typeof(SqliteLiveOpsDbContext))]
    [Migration("20261125050000_ChangeCounter")]
    public partial class ChangeCounter : Migration
    {
        /// <summary>The tables whose rows the column stores hold (<c>SnapshotStore</c>).</summary>
        internal static readonly string[] Tables = ["customers", "orders", "campaign_events"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // instance: a random id per database, so a file left by an older database at the same path never matches.
            migrationBuilder.Sql("""
                CREATE TABLE data_changes (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, instance TEXT NOT NULL);
                INSERT INTO data_changes VALUES (1, 0, lower(hex(randomblob(16))));
                """);
            foreach (var table in Tables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"CREATE TRIGGER liveops_changed_{table}_{change.ToLowerInvariant()} AFTER {change} ON {table} "
                        + "BEGIN UPDATE data_changes SET version = version + 1 WHERE id = 1; END;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var change in new[] { "insert", "update", "delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER liveops_changed_{table}_{change};");
                }
            }
            migrationBuilder.Sql("DROP TABLE data_changes;");
        }
    }
}
