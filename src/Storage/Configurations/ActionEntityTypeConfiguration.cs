using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class ActionEntityTypeConfiguration : IEntityTypeConfiguration<ActionEntity>
{
    public void Configure(EntityTypeBuilder<ActionEntity> builder)
    {
        builder.ToTable("actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StorageLimits.Id);
        builder.Property(a => a.IncidentId).HasMaxLength(StorageLimits.Id);
        builder.Property(a => a.Kind).HasMaxLength(StorageLimits.Name);
        builder.Property(a => a.Target).HasMaxLength(StorageLimits.Target);
        builder.Property(a => a.State).HasMaxLength(StorageLimits.State);
        builder.Property(a => a.WindowName).HasMaxLength(StorageLimits.Target);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasMany(a => a.History)
            .WithOne()
            .HasForeignKey(c => c.ActionId)
            .OnDelete(DeleteBehavior.Cascade);

        // The expiry poller: state in (applied, executed) and expires_at <= now, ordered by expires_at.
        builder.HasIndex(a => a.ExpiresAt);
        builder.HasIndex(a => a.State);
        builder.HasIndex(a => a.IncidentId);
        builder.HasIndex(a => a.CreatedAt);
    }
}
