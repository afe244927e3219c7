using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class PolicyEntityTypeConfiguration : IEntityTypeConfiguration<PolicyEntity>
{
    public const int NoteLength = 1024;

    public void Configure(EntityTypeBuilder<PolicyEntity> builder)
    {
        builder.ToTable("policies");
        builder.HasKey(e => e.Version);
        builder.Property(e => e.Version).ValueGeneratedOnAdd();
        builder.Property(e => e.CreatedBy).HasMaxLength(StorageLimits.Target);
        builder.Property(e => e.Note).HasMaxLength(NoteLength);
    }
}
