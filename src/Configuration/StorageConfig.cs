namespace AutoRespond.Configuration;

/// <summary>The <c>storage:</c> section.</summary>
/// <param name="Provider"><c>sqlite</c> (default) or <c>postgres</c>.</param>
/// <param name="Path">The SQLite file (default <c>autorespond.db</c>, relative to the working directory).</param>
/// <param name="Connection">The PostgreSQL connection string; set exactly when the provider is PostgreSQL.</param>
public sealed record StorageConfig(StorageProvider Provider, string Path, string? Connection)
{
    /// <summary>The SQLite file name used when none is configured.</summary>
    public const string DefaultPath = "autorespond.db";

    /// <summary>Embedded SQLite in <see cref="DefaultPath"/>.</summary>
    public static StorageConfig Default { get; } = new(StorageProvider.Sqlite, DefaultPath, null);

    /// <summary>True when the file has a (non-empty) <c>storage:</c> section, false when every value is a default.</summary>
    public bool IsExplicit { get; init; }
}

/// <summary>Storage providers: <c>sqlite</c> or <c>postgres</c>.</summary>
public enum StorageProvider
{
    /// <summary><c>sqlite</c>: an embedded file.</summary>
    Sqlite,

    /// <summary><c>postgres</c>: a PostgreSQL server.</summary>
    Postgres,
}
