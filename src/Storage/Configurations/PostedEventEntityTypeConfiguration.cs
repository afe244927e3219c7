using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class PostedEventEntityTypeConfiguration : IEntityTypeConfiguration<PostedEventEntity>
{
    public void Configure(EntityTypeBuilder<PostedEventEntity> builder)
    {
        builder.ToTable("posted_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasMaxLength(StorageLimits.State);
        builder.Property(e => e.User).HasMaxLength(StorageLimits.Name);
        builder.Property(e => e.Address).HasMaxLength(StorageLimits.Address);
        builder.Property(e => e.MessageId).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.PostedBy).HasMaxLength(StorageLimits.Target);
        builder.HasIndex(e => new { e.Kind, e.User, e.Time });
        builder.HasIndex(e => new { e.Address, e.Time });
    }
}
