using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class IncidentEntityTypeConfiguration : IEntityTypeConfiguration<IncidentEntity>
{
    public void Configure(EntityTypeBuilder<IncidentEntity> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(StorageLimits.Id);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.Property(i => i.DeviceIp).HasMaxLength(StorageLimits.Address);
        builder.Property(i => i.DeviceMac).HasMaxLength(StorageLimits.Address);
        builder.Property(i => i.DeviceHostname).HasMaxLength(StorageLimits.Name);
        builder.Property(i => i.DeviceZone).HasMaxLength(StorageLimits.Name);
        builder.Property(i => i.Category).HasMaxLength(StorageLimits.Name);
        builder.Property(i => i.State).HasMaxLength(StorageLimits.State);

        builder.HasMany(i => i.Breaches)
            .WithOne()
            .HasForeignKey(b => b.IncidentId)
            .OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(i => i.LastSeen);
        builder.HasIndex(i => i.DeviceIp);
    }
}
