namespace AutoRespond.Storage.Entities;

/// <summary>A model breach that belongs to an incident. Key: (incident id, breach id).</summary>
public sealed class BreachEntity
{
    public required string IncidentId { get; set; }
    public required string Id { get; set; }
    public required string Model { get; set; }
    public DateTimeOffset Time { get; set; }
    public required string DeviceIp { get; set; }
    public string? DeviceMac { get; set; }
    public string? DeviceHostname { get; set; }
    public double Score { get; set; }
    public required string Summary { get; set; }

    /// <summary>The breach evidence as a JSON object (jsonb on PostgreSQL).</summary>
    public required string EvidenceJson { get; set; }

    public List<string> Peers { get; set; } = [];
}
