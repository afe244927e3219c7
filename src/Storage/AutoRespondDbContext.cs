using AutoRespond.Storage.Configurations;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

/// <summary>
/// The model shared by both providers. Each provider has its own derived context and its own migrations
/// (EF Core "migrations with multiple providers"): <see cref="SqliteAutoRespondDbContext"/> and
/// <see cref="PostgresAutoRespondDbContext"/>. Resolve <c>IDbContextFactory&lt;AutoRespondDbContext&gt;</c>
/// to get the configured one.
/// </summary>
public abstract class AutoRespondDbContext : DbContext
{
    protected AutoRespondDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<IncidentEntity> Incidents => Set<IncidentEntity>();

    public DbSet<BreachEntity> Breaches => Set<BreachEntity>();

    public DbSet<ActionEntity> Actions => Set<ActionEntity>();

    public DbSet<ActionStateChangeEntity> ActionStateChanges => Set<ActionStateChangeEntity>();

    public DbSet<AuditEntryEntity> AuditLog => Set<AuditEntryEntity>();

    public DbSet<BrainSnapshotEntity> BrainSnapshots => Set<BrainSnapshotEntity>();

    public DbSet<PolicyEntity> Policies => Set<PolicyEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AutoRespondDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
