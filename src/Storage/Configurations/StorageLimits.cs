namespace AutoRespond.Storage.Configurations;

/// <summary>Column lengths (varchar(n) on PostgreSQL; SQLite ignores them). Free text has no limit.</summary>
internal static class StorageLimits
{
    public const int Id = 128;
    public const int State = 64;
    public const int Name = 256;
    public const int Address = 64;
    public const int Target = 512;
}
