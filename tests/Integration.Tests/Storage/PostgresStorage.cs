using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AutoRespond.Integration.Tests.Storage;

/// <summary>
/// A database of its own on the PostgreSQL server of <c>AR_TEST_POSTGRES</c> (CREATE DATABASE with a unique name,
/// migrated, with the storage services on top), dropped on dispose, so runs and tests never collide.
/// Connection errors propagate: a server that is down fails the test.
/// </summary>
public sealed class PostgresStorage : IAsyncDisposable
{
    private readonly string _adminConnection;

    private PostgresStorage(string adminConnection, string databaseName, string connection, ServiceProvider services)
    {
        _adminConnection = adminConnection;
        DatabaseName = databaseName;
        Connection = connection;
        Services = services;
    }

    public string DatabaseName { get; }

    public string Connection { get; }

    public ServiceProvider Services { get; }

    public IActionLedger Ledger => Services.GetRequiredService<IActionLedger>();

    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public IBaselineStore Baselines => Services.GetRequiredService<IBaselineStore>();

    public IPolicyStore Policies => Services.GetRequiredService<IPolicyStore>();

    /// <param name="configure">Runs after <c>AddAutoRespondStorage</c>, e.g. to replace the context factory.</param>
    public static async Task<PostgresStorage> CreateAsync(
        string adminConnection,
        CancellationToken cancellationToken,
        Action<IServiceCollection, StorageOptions>? configure = null)
    {
        var name = "ar_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(adminConnection, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
        var options = new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnection = connection };
        var collection = new ServiceCollection().AddAutoRespondStorage(options);
        configure?.Invoke(collection, options);
        var storage = new PostgresStorage(adminConnection, name, connection, collection.BuildServiceProvider());
        try
        {
            await StorageInitializer.MigrateAsync(storage.Services, cancellationToken);
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_adminConnection, $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
