using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.Storage.Entities;

namespace AutoRespond.Storage;

internal static class IncidentMapping
{
    /// <summary>The publication with every time in UTC (Npgsql's timestamptz accepts only offset zero).</summary>
    public static IncidentScored ToUtc(IncidentScored i) => i with
    {
        Time = i.Time.ToUniversalTime(),
        FirstSeen = i.FirstSeen.ToUniversalTime(),
        LastSeen = i.LastSeen.ToUniversalTime(),
        Breaches = i.Breaches.Select(b => b with { Time = b.Time.ToUniversalTime() }).ToList(),
    };

    public static IncidentEntity ToEntity(IncidentScored utc)
    {
        var entity = new IncidentEntity
        {
            Id = utc.Id,
            DeviceIp = utc.Device.Ip,
            Category = utc.Category,
            Summary = utc.Summary,
            State = IncidentStates.Open,
            SnapshotJson = "{}",
        };
        Apply(entity, utc);
        return entity;
    }

    /// <summary>Copies a newer revision onto the row; adds breaches it does not have. State is left alone.</summary>
    public static void Apply(IncidentEntity entity, IncidentScored utc)
    {
        entity.Revision = utc.Revision;
        entity.RevisionTime = utc.Time;
        entity.DeviceIp = utc.Device.Ip;
        entity.DeviceMac = utc.Device.Mac;
        entity.DeviceHostname = utc.Device.Hostname;
        entity.DeviceZone = utc.Device.Zone;
        entity.FirstSeen = utc.FirstSeen;
        entity.LastSeen = utc.LastSeen;
        entity.Score = utc.Score;
        entity.Category = utc.Category;
        entity.Models = [.. utc.Models];
        entity.Attack = [.. utc.Attack];
        entity.Summary = utc.Summary;
        entity.SnapshotJson = JsonSerializer.Serialize(utc, StorageJson.Options);

        var known = entity.Breaches.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var breach in utc.Breaches.Where(b => known.Add(b.Id)))
        {
            entity.Breaches.Add(new BreachEntity
            {
                IncidentId = utc.Id,
                Id = breach.Id,
                Model = breach.Model,
                Time = breach.Time,
                DeviceIp = breach.Device.Ip,
                DeviceMac = breach.Device.Mac,
                DeviceHostname = breach.Device.Hostname,
                Score = breach.Score,
                Summary = breach.Summary,
                EvidenceJson = JsonSerializer.Serialize(breach.Evidence, StorageJson.Options),
                Peers = [.. breach.Peers],
            });
        }
    }

    public static IncidentRecord ToRecord(IncidentEntity entity) =>
        new(
            JsonSerializer.Deserialize<IncidentScored>(entity.SnapshotJson, StorageJson.Options)
                ?? throw new InvalidOperationException($"Incident '{entity.Id}' has an empty snapshot."),
            entity.State);
}
