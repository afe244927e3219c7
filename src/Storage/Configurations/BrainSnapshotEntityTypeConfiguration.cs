using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class BrainSnapshotEntityTypeConfiguration : IEntityTypeConfiguration<BrainSnapshotEntity>
{
    public void Configure(EntityTypeBuilder<BrainSnapshotEntity> builder)
    {
        builder.ToTable("brain_snapshots");
        builder.HasKey(e => e.Partition);
        builder.Property(e => e.Partition).HasMaxLength(StorageLimits.Name);
    }
}
