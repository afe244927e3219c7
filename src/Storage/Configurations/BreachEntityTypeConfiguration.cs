using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class BreachEntityTypeConfiguration : IEntityTypeConfiguration<BreachEntity>
{
    public void Configure(EntityTypeBuilder<BreachEntity> builder)
    {
        builder.ToTable("breaches");
        builder.HasKey(b => new { b.IncidentId, b.Id });
        builder.Property(b => b.IncidentId).HasMaxLength(StorageLimits.Id);
        builder.Property(b => b.Id).HasMaxLength(StorageLimits.Id);
        builder.Property(b => b.Model).HasMaxLength(StorageLimits.Name);
        builder.Property(b => b.DeviceIp).HasMaxLength(StorageLimits.Address);
        builder.Property(b => b.DeviceMac).HasMaxLength(StorageLimits.Address);
        builder.Property(b => b.DeviceHostname).HasMaxLength(StorageLimits.Name);

        builder.HasIndex(b => new { b.Model, b.Time });
    }
}
