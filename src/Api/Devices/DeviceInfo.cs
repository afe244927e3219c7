namespace AutoRespond.Api.Devices;

/// <summary>A device the brain knows: id (its MAC when known at first sight, else its first address), zone and learnt roles.</summary>
public sealed record DeviceInfo(string Id, string Ip, string? Mac, string? Hostname, string? Zone, IReadOnlyList<string> Roles,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
