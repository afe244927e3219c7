using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class WindowEntityTypeConfiguration : IEntityTypeConfiguration<WindowEntity>
{
    public void Configure(EntityTypeBuilder<WindowEntity> builder)
    {
        builder.ToTable("windows");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(StorageLimits.Id);
        builder.Property(e => e.Name).HasMaxLength(StorageLimits.Name);
        builder.Property(e => e.Rrule).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.Tz).HasMaxLength(StorageLimits.State);
        builder.Property(e => e.Effect).HasMaxLength(StorageLimits.State);
        builder.Property(e => e.ExternalId).HasMaxLength(StorageLimits.Name);
        builder.Property(e => e.CreatedBy).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.UpdatedBy).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.ExternalId).IsUnique();
        builder.HasIndex(e => e.Start);
    }
}
