using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

/// <summary>
/// The distributed deployment: PostgreSQL. Migrations live in <c>Postgres/Migrations</c>.
/// Npgsql maps <see cref="DateTimeOffset"/> to <c>timestamptz</c> and accepts only offset zero: the stores
/// convert every time to UTC before writing or querying.
/// </summary>
public sealed class PostgresAutoRespondDbContext(DbContextOptions<PostgresAutoRespondDbContext> options)
    : AutoRespondDbContext(options)
{
    /// <summary>Points <paramref name="builder"/> at the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.UseNpgsql(connectionString);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<IncidentEntity>().Property(i => i.SnapshotJson).HasColumnType("jsonb");
        modelBuilder.Entity<BreachEntity>().Property(b => b.EvidenceJson).HasColumnType("jsonb");
        modelBuilder.Entity<AuditEntryEntity>().Property(e => e.DetailJson).HasColumnType("jsonb");
        modelBuilder.Entity<BrainSnapshotEntity>().Property(e => e.SnapshotJson).HasColumnType("jsonb");
        modelBuilder.Entity<PolicyEntity>().Property(e => e.PolicyJson).HasColumnType("jsonb");
    }
}
