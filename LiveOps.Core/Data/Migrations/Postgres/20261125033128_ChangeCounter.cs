using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveOps.Core.Data.Migrations.Postgres
{
    /// <summary>
    /// The change counter every dashboard instance and command watches (<c>PostgresChangeWatch</c>): one row,
    /// bumped once per write transaction by statement triggers on every table, so derived data (the paid-order
    /// column store, the campaigns cache) is rebuilt after any commit — by this product or by any other tool.
    /// Hand-written (not part of the EF model); a new table that reports read needs <c>SELECT liveops_watch('name')</c>.
    /// </summary>
    [DbContext(typeof(PostgresLiveOpsDbContext))]
    [Migration("20261125033128_ChangeCounter")]
    public partial class ChangeCounter : Migration
    {
        private static readonly string[] Tables =
        [
            "customers", "orders", "audiences", "audience_events", "pushes", "campaigns", "campaign_events",
            "live_sessions", "tier_rule_sets", "tier_rules", "planned_pushes",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE data_changes (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
                INSERT INTO data_changes VALUES (1, 0);

                -- Once per transaction: a transaction-local setting remembers that this transaction has bumped already,
                -- so a million-row import updates the row once, not a million times.
                CREATE FUNCTION liveops_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF coalesce(current_setting('liveops.data_changed', true), '') <> 'on' THEN
                        PERFORM set_config('liveops.data_changed', 'on', true);
                        UPDATE data_changes SET version = version + 1 WHERE id = 1;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION liveops_watch(target text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    EXECUTE format('CREATE TRIGGER liveops_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                        'FOR EACH STATEMENT EXECUTE FUNCTION liveops_data_changed()', target);
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"SELECT liveops_watch('{table}');");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TRIGGER liveops_data_changed ON {table};");
            }
            migrationBuilder.Sql("DROP FUNCTION liveops_watch(text); DROP FUNCTION liveops_data_changed(); DROP TABLE data_changes;");
        }
    }
}
