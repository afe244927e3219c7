namespace AutoRespond.Storage;

/// <summary>Where the storage lives. Validated by <see cref="StorageServiceCollectionExtensions.AddAutoRespondStorage"/>.</summary>
public sealed class StorageOptions
{
    /// <summary>The default value is <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; its directory is created at migration. The default value is <c>autorespond.db</c>.</summary>
    public string SqlitePath { get; set; } = "autorespond.db";

    /// <summary>An Npgsql connection string; required when <see cref="Provider"/> is <see cref="StorageProvider.Postgres"/>.</summary>
    public string? PostgresConnection { get; set; }

    internal void Validate()
    {
        switch (Provider)
        {
            case StorageProvider.Sqlite when string.IsNullOrWhiteSpace(SqlitePath):
                throw new ArgumentException("Storage: SqlitePath is required for the sqlite provider.");
            case StorageProvider.Postgres when string.IsNullOrWhiteSpace(PostgresConnection):
                throw new ArgumentException("Storage: PostgresConnection is required for the postgres provider.");
            case StorageProvider.Sqlite or StorageProvider.Postgres:
                return;
            default:
                throw new ArgumentException($"Storage: unknown provider {Provider}.");
        }
    }
}
