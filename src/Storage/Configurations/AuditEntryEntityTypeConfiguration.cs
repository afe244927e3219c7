using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntryEntity>
{
    public void Configure(EntityTypeBuilder<AuditEntryEntity> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.Verb).HasMaxLength(StorageLimits.Name);
        builder.Property(e => e.SubjectType).HasMaxLength(StorageLimits.Name);
        builder.Property(e => e.SubjectId).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.IncidentId).HasMaxLength(StorageLimits.Id);

        builder.HasIndex(e => e.Time);
        builder.HasIndex(e => e.IncidentId);
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId });
    }
}
