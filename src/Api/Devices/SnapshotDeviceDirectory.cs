using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Configuration;
using AutoRespond.Storage;

namespace AutoRespond.Api.Devices;

/// <summary>
/// Devices from the newest stored brain snapshot (<c>api</c> alone): the registry's devices with zones from the
/// config and roles from the snapshot, and the pattern of life saved next to it. Re-read when a newer snapshot is saved.
/// </summary>
public sealed class SnapshotDeviceDirectory(IBaselineStore store, AutoRespondConfig config) : IDeviceDirectory
{
    /// <summary>The partition the brain snapshot of <c>run</c> and <c>replay</c> is saved under.</summary>
    public const string BrainPartition = "default";

    private static readonly JsonSerializerOptions SnapshotJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset? Saved, IReadOnlyList<DeviceInfo> Devices, IReadOnlyDictionary<string, DevicePattern> Patterns) _cache =
        (null, [], new Dictionary<string, DevicePattern>());

    public async Task<IReadOnlyList<DeviceInfo>> ListAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Devices;

    public async Task<DeviceDetail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (_, devices, patterns) = await LoadAsync(cancellationToken);
        return DeviceLookup.Find(devices, patterns, id);
    }

    private async Task<(DateTimeOffset?, IReadOnlyList<DeviceInfo> Devices, IReadOnlyDictionary<string, DevicePattern> Patterns)> LoadAsync(
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.LoadAsync(BrainPartition, cancellationToken) is not { } stored) return _cache;
            if (_cache.Saved == stored.UpdatedAt) return _cache;
            List<DeviceInfo> devices = [];
            IReadOnlyDictionary<string, DevicePattern> patterns = new Dictionary<string, DevicePattern>();
            try
            {
                var snapshot = JsonSerializer.Deserialize<BrainSnapshot>(stored.Json, SnapshotJson);
                devices = snapshot?.Devices.Select(ToInfo).OrderBy(d => d.Ip, StringComparer.Ordinal).ToList() ?? [];
                if (await store.LoadAsync(PatternOfLife.Partition, cancellationToken) is { } saved)
                    patterns = JsonSerializer.Deserialize<Dictionary<string, DevicePattern>>(saved.Json) ?? [];
            }
            catch (JsonException)
            {
                // A snapshot this version cannot read: no devices rather than an error on every request.
            }
            _cache = (stored.UpdatedAt, devices, patterns);
            return _cache;
        }
        finally
        {
            _gate.Release();
        }
    }

    private DeviceInfo ToInfo(DeviceSnapshot d)
    {
        var roles = new List<string>();
        if (d.IcsServerSince is not null) roles.Add(DeviceRoleNames.IcsServer);
        if (d.IcsClientSince is not null) roles.Add(DeviceRoleNames.IcsClient);
        if (d.EngineeringSince is not null) roles.Add(DeviceRoleNames.EngineeringWorkstation);
        string? zone = System.Net.IPAddress.TryParse(d.Ip, out var ip) ? config.Network.ZoneOf(ip, d.Vlan)?.Name : null;
        return new DeviceInfo(d.Id, d.Ip, d.Mac, d.Hostname, zone, roles, d.FirstSeen, d.LastSeen);
    }
}
