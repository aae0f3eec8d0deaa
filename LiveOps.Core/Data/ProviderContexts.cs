using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Data;

/// <summary>The model on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteLiveOpsDbContext(DbContextOptions<SqliteLiveOpsDbContext> options) : LiveOpsDbContext(options);

/// <summary>The model on PostgreSQL; its migrations are in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresLiveOpsDbContext(DbContextOptions<PostgresLiveOpsDbContext> options) : LiveOpsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // Text sorts and compares by code point, as SQLite and the services' ordinal comparisons do, whatever
        // the server's locale: reports list ids in the same order on both providers.
        builder.Properties<string>().UseCollation("C");
    }
}
