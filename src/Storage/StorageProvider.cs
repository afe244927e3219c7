namespace AutoRespond.Storage;

/// <summary>Which database the storage uses. The host maps the configuration's <c>storage.provider</c> to this.</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: a SQLite file (<see cref="StorageOptions.SqlitePath"/>).</summary>
    Sqlite,

    /// <summary>PostgreSQL (<see cref="StorageOptions.PostgresConnection"/>), for distributed deployments.</summary>
    Postgres,
}
