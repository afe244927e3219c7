using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Storage.Tests;

/// <summary>A migrated SQLite file in its own temp directory, with the storage services on top; deleted on dispose.</summary>
public sealed class SqliteStorage : IAsyncDisposable
{
    private SqliteStorage(string directory, ServiceProvider services)
    {
        Directory = directory;
        Services = services;
    }

    public string Directory { get; }

    public string Path => System.IO.Path.Combine(Directory, "db", "autorespond.db");

    public ServiceProvider Services { get; }

    public IActionLedger Ledger => Services.GetRequiredService<IActionLedger>();

    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public IBaselineStore Baselines => Services.GetRequiredService<IBaselineStore>();

    public IPolicyStore Policies => Services.GetRequiredService<IPolicyStore>();

    /// <param name="configure">Runs after <c>AddAutoRespondStorage</c>, e.g. to replace the context factory.</param>
    public static async Task<SqliteStorage> CreateAsync(Action<IServiceCollection, StorageOptions>? configure = null)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ar-storage-" + Guid.NewGuid().ToString("N"));
        var options = new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            SqlitePath = System.IO.Path.Combine(directory, "db", "autorespond.db"),
        };
        var collection = new ServiceCollection().AddAutoRespondStorage(options);
        configure?.Invoke(collection, options);
        var storage = new SqliteStorage(directory, collection.BuildServiceProvider());
        await StorageInitializer.MigrateAsync(storage.Services, TestContext.Current.CancellationToken);
        return storage;
    }

    public async Task<AutoRespondDbContext> CreateContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
