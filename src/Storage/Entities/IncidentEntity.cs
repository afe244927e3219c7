namespace AutoRespond.Storage.Entities;

/// <summary>
/// One incident row: the columns the API filters and sorts on, plus the JSON snapshot of the latest
/// <c>AutoRespond.Contracts.IncidentScored</c> publication. Not a wire contract.
/// </summary>
public sealed class IncidentEntity
{
    public required string Id { get; set; }

    /// <summary>Revision of the latest stored publication; also the optimistic concurrency token.</summary>
    public int Revision { get; set; }

    /// <summary>Event time of the latest stored publication (UTC).</summary>
    public DateTimeOffset RevisionTime { get; set; }

    public required string DeviceIp { get; set; }
    public string? DeviceMac { get; set; }
    public string? DeviceHostname { get; set; }
    public string? DeviceZone { get; set; }

    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public double Score { get; set; }
    public required string Category { get; set; }
    public List<string> Models { get; set; } = [];
    public List<string> Attack { get; set; } = [];
    public required string Summary { get; set; }

    /// <summary>One of <see cref="IncidentStates"/>; kept across revisions.</summary>
    public required string State { get; set; }

    /// <summary>The latest <c>IncidentScored</c> as JSON (jsonb on PostgreSQL).</summary>
    public required string SnapshotJson { get; set; }

    public List<BreachEntity> Breaches { get; set; } = [];
}
