using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LiveOps.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the model for migrations without starting the dashboard.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LiveOpsDbContext>
{
    public LiveOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LiveOpsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
