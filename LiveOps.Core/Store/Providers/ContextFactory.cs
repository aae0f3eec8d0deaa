using Microsoft.EntityFrameworkCore;
using LiveOps.Core.Data;

namespace LiveOps.Core.Store;

/// <summary>Hands out the provider's own context type as the shared <see cref="LiveOpsDbContext"/>.</summary>
internal sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<LiveOpsDbContext>
    where TContext : LiveOpsDbContext
{
    public LiveOpsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<LiveOpsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
