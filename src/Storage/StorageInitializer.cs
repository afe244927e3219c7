using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Storage;

/// <summary>Start-up step: brings the database to the latest migration of its provider (never EnsureCreated).</summary>
public static class StorageInitializer
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Applies pending migrations. For SQLite it first creates the file's directory, and afterwards switches the
    /// file to WAL journaling so readers (API) do not block the writer (response engine). Safe to call from
    /// several processes: EF Core takes a migration lock.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<StorageOptions>();
        if (options.Provider == StorageProvider.Sqlite)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var factory = services.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>();
        for (int attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (System.Data.Common.DbException) when (attempt < MaxAttempts && !db.Database.IsSqlite())
            {
                // Several roles starting at once on an empty PostgreSQL database race on CREATE DATABASE (outside the
                // migration lock): the loser fails once; by the next attempt the winner's migrations are visible.
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
        await using var wal = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (wal.Database.IsSqlite())
        {
            await wal.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
