using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Devices;

/// <summary>One device as saved in a <see cref="BrainSnapshot"/>; its zone is recomputed from the configuration on import.</summary>
public sealed record DeviceSnapshot(
    string Id, string Ip, string? Mac, string? Hostname, int? Vlan, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    DateTimeOffset? IcsServerSince = null, DateTimeOffset? IcsClientSince = null, DateTimeOffset? EngineeringSince = null);

public sealed partial class DeviceRegistry
{
    public IReadOnlyList<DeviceSnapshot> ExportDevices()
    {
        var devices = new List<DeviceSnapshot>(_byId.Count);
        foreach (var d in _byId.Values)
            devices.Add(new DeviceSnapshot(d.Id, d.Ip, d.Mac, d.Hostname, d.Vlan, d.FirstSeen, d.LastSeen,
                d.IcsServerSince, d.IcsClientSince, d.EngineeringSince));
        return devices;
    }

    public StateSnapshot ExportState()
    {
        var addresses = new List<SnapshotRow>(_byIp.Count);
        foreach (var (ip, device) in _byIp) addresses.Add(new SnapshotRow(SnapshotKey.Join(ip, device.Id)));
        var identities = new List<SnapshotRow>(_byIdentity.Count);
        foreach (var (identity, device) in _byIdentity) identities.Add(new SnapshotRow(SnapshotKey.Join(identity, device.Id)));
        var shared = new List<SnapshotRow>(_sharedMacs.Count);
        foreach (string mac in _sharedMacs) shared.Add(new SnapshotRow(mac));
        return new StateSnapshot("registry",
            [new TableSnapshot("addresses", addresses), new TableSnapshot("identities", identities), new TableSnapshot("shared-macs", shared)]);
    }

    public void Import(IReadOnlyList<DeviceSnapshot> devices, StateSnapshot? state)
    {
        _byIp.Clear();
        _found = default;
        _byId.Clear();
        _byIdentity.Clear();
        _sharedMacs.Clear();
        foreach (var d in devices)
        {
            var device = new DeviceProfile(d.Id, d.Ip, d.FirstSeen)
            {
                Mac = d.Mac, Hostname = d.Hostname, Vlan = d.Vlan, LastSeen = d.LastSeen,
                IcsServerSince = d.IcsServerSince, IcsClientSince = d.IcsClientSince, EngineeringSince = d.EngineeringSince,
            };
            device.Zone = ZoneOf(d.Ip, d.Vlan);
            _byId[d.Id] = device;
        }
        if (state is null)
        {
            foreach (var device in _byId.Values) _byIp.TryAdd(device.Ip, device);
            return;
        }
        foreach (var row in state.Table("addresses")?.Rows ?? [])
        {
            var parts = SnapshotKey.Split(row.Key);
            if (_byId.TryGetValue(parts[1], out var device)) _byIp[parts[0]] = device;
        }
        foreach (var row in state.Table("identities")?.Rows ?? [])
        {
            var parts = SnapshotKey.Split(row.Key);
            if (_byId.TryGetValue(parts[1], out var device)) _byIdentity[parts[0]] = device;
        }
        foreach (var row in state.Table("shared-macs")?.Rows ?? []) _sharedMacs.Add(row.Key);
    }
}
