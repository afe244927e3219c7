using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

/// <summary>The embedded default: a SQLite file. Migrations live in <c>Sqlite/Migrations</c>.</summary>
public sealed class SqliteAutoRespondDbContext(DbContextOptions<SqliteAutoRespondDbContext> options)
    : AutoRespondDbContext(options)
{
    /// <summary>Points <paramref name="builder"/> at the SQLite file <paramref name="path"/>.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.UseSqlite($"Data Source={path}");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no DateTimeOffset type: EF stores text with the original offset, which neither sorts
        // nor compares correctly in SQL. Store fixed-width UTC text instead (also applies to DateTimeOffset?).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextDateTimeOffsetConverter>();
    }
}
