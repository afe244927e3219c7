using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage.Tests;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_FreshFile_AppliesEveryMigrationAndCreatesTables()
    {
        await using var storage = await SqliteStorage.CreateAsync();

        File.Exists(storage.Path).ShouldBeTrue();
        await using var db = await storage.CreateContextAsync();
        db.ShouldBeOfType<SqliteAutoRespondDbContext>();
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(db.Database.GetMigrations());
        db.Database.GetMigrations().ShouldNotBeEmpty();

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'")
            .ToListAsync(Ct);
        foreach (var table in new[] { "incidents", "breaches", "actions", "action_state_changes", "audit_log", "brain_snapshots" })
        {
            tables.ShouldContain(table);
        }
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_IsANoOpAndKeepsData()
    {
        await using var storage = await SqliteStorage.CreateAsync();
        (await storage.Ledger.RecordAsync(LedgerSamples.Entry("act-keep"), "engine", "planned", Ct)).ShouldBeTrue();

        await StorageInitializer.MigrateAsync(storage.Services, Ct);

        (await storage.Ledger.GetAsync("act-keep", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task MigrateAsync_Sqlite_SwitchesToWalJournal()
    {
        await using var storage = await SqliteStorage.CreateAsync();

        await using var connection = new SqliteConnection($"Data Source={storage.Path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        (await command.ExecuteScalarAsync(Ct)).ShouldBe("wal");
    }

    [Fact]
    public void CheckedInMigrations_MatchTheModel_ForBothProviders()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` for each provider.
        var sqlite = new DbContextOptionsBuilder<SqliteAutoRespondDbContext>();
        SqliteAutoRespondDbContext.Configure(sqlite, "unused.db");
        using (var db = new SqliteAutoRespondDbContext(sqlite.Options))
        {
            db.Database.HasPendingModelChanges().ShouldBeFalse();
        }

        var postgres = new DbContextOptionsBuilder<PostgresAutoRespondDbContext>();
        PostgresAutoRespondDbContext.Configure(postgres, "Host=unused;Database=unused");
        using (var db = new PostgresAutoRespondDbContext(postgres.Options))
        {
            db.Database.HasPendingModelChanges().ShouldBeFalse();
            db.Database.GetMigrations().ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void AddAutoRespondStorage_PostgresWithoutConnection_Throws()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Should.Throw<ArgumentException>(() =>
            services.AddAutoRespondStorage(new StorageOptions { Provider = StorageProvider.Postgres }));
    }
}
