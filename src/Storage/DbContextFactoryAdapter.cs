using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

/// <summary>Exposes the provider's context factory as <c>IDbContextFactory&lt;AutoRespondDbContext&gt;</c>.</summary>
internal sealed class DbContextFactoryAdapter<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<AutoRespondDbContext>
    where TContext : AutoRespondDbContext
{
    public AutoRespondDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AutoRespondDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
