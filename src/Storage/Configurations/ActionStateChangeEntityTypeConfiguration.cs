using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoRespond.Storage.Configurations;

internal sealed class ActionStateChangeEntityTypeConfiguration : IEntityTypeConfiguration<ActionStateChangeEntity>
{
    public void Configure(EntityTypeBuilder<ActionStateChangeEntity> builder)
    {
        builder.ToTable("action_state_changes");

        // (action, sequence) is unique: a second writer with a stale sequence cannot append.
        builder.HasKey(c => new { c.ActionId, c.Sequence });
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.ActionId).HasMaxLength(StorageLimits.Id);
        builder.Property(c => c.FromState).HasMaxLength(StorageLimits.State);
        builder.Property(c => c.ToState).HasMaxLength(StorageLimits.State);
        builder.Property(c => c.Actor).HasMaxLength(StorageLimits.Target);
    }
}
