using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Devices;

/// <summary>Roles learnt from traffic (DETECTION.md §2.0).</summary>
public enum DeviceRole
{
    /// <summary>Answers on an ICS port with a valid ICS protocol (PLC, RTU).</summary>
    IcsServer,

    /// <summary>Initiates ICS sessions (HMI, SCADA server, historian).</summary>
    IcsClient,

    /// <summary>Has issued program-transfer (reprogram-class) commands: an engineering workstation.</summary>
    EngineeringWorkstation,
}

/// <summary>Role names as they appear on <see cref="DeviceRef.Roles"/>.</summary>
public static class DeviceRoleNames
{
    public const string IcsServer = "ics-server";
    public const string IcsClient = "ics-client";
    public const string EngineeringWorkstation = "engineering-workstation";
    public const string It = "it";
}

/// <summary>
/// What the brain knows of one internal device. <see cref="Id"/> is stable for the device's life (its MAC
/// when known at first sight, else its first address); <see cref="Ip"/> follows DHCP.
/// </summary>
public sealed class DeviceProfile(string id, string ip, DateTimeOffset firstSeen)
{
    private ZoneConfig? _zone;

    public string Id { get; } = id;
    private string _ip = ip;

    public string Ip
    {
        get => _ip;
        internal set
        {
            _ip = value;
            IpIsInternal = null;
        }
    }

    /// <summary>Whether <see cref="Ip"/> is an internal address, once the registry has asked (null: not yet).</summary>
    internal bool? IpIsInternal { get; set; }
    public string? Mac { get; set; }
    public string? Hostname { get; set; }
    public int? Vlan { get; set; }
    public ZoneConfig? Zone
    {
        get => _zone;
        set
        {
            _zone = value;
            ZoneResolved = true;
            GroupKey = "z:" + (value?.Name ?? "");
        }
    }

    /// <summary>True once the zone was looked up (a device in no zone is not looked up on every event).</summary>
    internal bool ZoneResolved { get; private set; }
    public DateTimeOffset FirstSeen { get; internal set; } = firstSeen;
    public DateTimeOffset LastSeen { get; set; } = firstSeen;

    /// <summary>First evidence of each role (null: never).</summary>
    public DateTimeOffset? IcsServerSince { get; internal set; }
    public DateTimeOffset? IcsClientSince { get; internal set; }
    public DateTimeOffset? EngineeringSince { get; internal set; }

    /// <summary>The zone name, or "" when the device is in no configured zone.</summary>
    public string ZoneName => _zone?.Name ?? "";

    /// <summary>The group scope of the device's baselines, "z:" + zone name (see <see cref="Statistics.HierarchicalCategorical{TValue}.GroupKey"/>).</summary>
    public string GroupKey { get; private set; } = "z:";

    public bool IsOtZone => Zone?.Kind == ZoneKind.Ot;

    public bool IsItZone => Zone?.Kind == ZoneKind.It;

    public DateTimeOffset? RoleSince(DeviceRole role) => role switch
    {
        DeviceRole.IcsServer => IcsServerSince,
        DeviceRole.IcsClient => IcsClientSince,
        _ => EngineeringSince,
    };

    internal void Evidence(DeviceRole role, DateTimeOffset time)
    {
        switch (role)
        {
            case DeviceRole.IcsServer: IcsServerSince ??= time; break;
            case DeviceRole.IcsClient: IcsClientSince ??= time; break;
            default: EngineeringSince ??= time; break;
        }
    }

    public IReadOnlyList<string> RoleNames()
    {
        var names = new List<string>(3);
        if (IcsServerSince is not null) names.Add(DeviceRoleNames.IcsServer);
        if (IcsClientSince is not null) names.Add(DeviceRoleNames.IcsClient);
        if (EngineeringSince is not null) names.Add(DeviceRoleNames.EngineeringWorkstation);
        if (names.Count == 0) names.Add(DeviceRoleNames.It);
        return names;
    }

    public DeviceRef ToRef() => new(Ip, Mac, Hostname, Zone?.Name, RoleNames());
}
