namespace AutoRespond.Storage.Entities;

/// <summary>The brain's baseline state of one partition, saved as a JSON snapshot (one row per partition, overwritten).</summary>
public sealed class BrainSnapshotEntity
{
    /// <summary>The partition the brain covers, e.g. <c>default</c>.</summary>
    public required string Partition { get; set; }

    /// <summary>The serialized <c>AutoRespond.Brain.Snapshot.BrainSnapshot</c> (jsonb on PostgreSQL).</summary>
    public required string SnapshotJson { get; set; }

    /// <summary>The event time (UTC) the snapshot covers up to.</summary>
    public DateTimeOffset UpTo { get; set; }

    /// <summary>Wall-clock time (UTC) of the latest save.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
