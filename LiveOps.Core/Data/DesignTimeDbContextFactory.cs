using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LiveOps.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model for migrations without starting the dashboard.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLiveOpsDbContext>
{
    public SqliteLiveOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLiveOpsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// The PostgreSQL model for <c>dotnet ef</c>. Adding a migration needs no server; applying one from the tool
/// uses <c>ConnectionStrings__LiveOps</c> when set.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLiveOpsDbContext>
{
    public PostgresLiveOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLiveOpsDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__LiveOps") ?? "Host=localhost;Database=liveops_design")
            .Options);
}
