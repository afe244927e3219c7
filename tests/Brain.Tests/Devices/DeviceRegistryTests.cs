using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Devices;

public sealed class DeviceRegistryTests
{
    private readonly DeviceRegistry _registry = new(Ev.Plant);

    [Fact]
    public void Observe_IcsTraffic_LearnsServerClientAndEngineeringRoles()
    {
        _registry.Observe(Ev.Ics(Ev.T0, Background.Hmi, Background.S7Plc, "read", "read-var", "items=1 DB1.DBW0[1]"));
        _registry.Observe(Ev.Session(Ev.T0.AddSeconds(1), Background.Hmi, Background.ModbusPlc, 502));
        _registry.Observe(Ev.Ics(Ev.T0.AddSeconds(2), "10.20.0.50", Background.S7Plc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive"));
        _registry.Observe(Ev.Session(Ev.T0.AddSeconds(3), Background.Office(0), Background.Files, 445));

        _registry.Find(Background.S7Plc)!.ToRef().Roles.ShouldBe([DeviceRoleNames.IcsServer]);
        _registry.Find(Background.ModbusPlc)!.ToRef().Roles.ShouldBe([DeviceRoleNames.IcsServer]);
        _registry.Find(Background.Hmi)!.ToRef().Roles.ShouldBe([DeviceRoleNames.IcsClient]);
        _registry.Find("10.20.0.50")!.ToRef().Roles.ShouldBe([DeviceRoleNames.IcsClient, DeviceRoleNames.EngineeringWorkstation]);
        _registry.Find(Background.Office(0))!.ToRef().Roles.ShouldBe([DeviceRoleNames.It]);
        _registry.Find(Background.Hmi)!.IcsClientSince.ShouldBe(Ev.T0);
    }

    [Fact]
    public void Observe_FailedScanOfAnIcsPort_DoesNotMakeAServer()
    {
        _registry.Observe(Ev.Attempt(Ev.T0, Background.Office(0), "10.20.0.99", 102));
        _registry.Find("10.20.0.99")!.IcsServerSince.ShouldBeNull();
        _registry.Find(Background.Office(0))!.IcsClientSince.ShouldBeNull();
    }

    [Fact]
    public void Observe_InsideAChangeWindow_LearnsNoRoles()
    {
        _registry.Observe(Ev.Ics(Ev.T0, "10.20.0.50", Background.S7Plc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive"), learn: false);
        _registry.Find("10.20.0.50")!.EngineeringSince.ShouldBeNull();
    }

    [Fact]
    public void Observe_DhcpMovesAKnownMacToANewAddress_SameDevice()
    {
        const string mac = "3c:52:82:11:22:33";
        _registry.Observe(Ev.Device(Ev.T0, "10.10.0.50", mac, 10, "LAPTOP-7"));
        var device = _registry.Find("10.10.0.50")!;
        _registry.Observe(new DhcpSeen(Ev.T0.AddDays(2), mac, "ACK", "LAPTOP-7", null, "10.10.0.51", "10.10.0.51"));

        _registry.Find("10.10.0.51").ShouldBeSameAs(device);
        _registry.Find("10.10.0.50").ShouldBeNull();
        (device.Ip, device.Id, device.FirstSeen, device.Hostname).ShouldBe(("10.10.0.51", mac, Ev.T0, "LAPTOP-7"));
    }

    [Fact]
    public void Find_SameAddressObjectAcrossChanges_SeesEveryChange()
    {
        // Lookups are remembered by string object: the same object must see a device appear, move away and return.
        const string mac = "3c:52:82:11:22:44";
        string first = "10.10.0." + 70.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string second = "10.10.0." + 71.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _registry.Find(first).ShouldBeNull();
        _registry.Find(second).ShouldBeNull();

        _registry.Observe(Ev.Device(Ev.T0, first, mac, 10));
        var device = _registry.Find(first).ShouldNotBeNull();
        _registry.Find(second).ShouldBeNull();

        _registry.Observe(new DhcpSeen(Ev.T0.AddDays(2), mac, "ACK", null, null, second, second));
        _registry.Find(first).ShouldBeNull();
        _registry.Find(second).ShouldBeSameAs(device);
        _registry.IsInternal(second).ShouldBeTrue();
    }

    [Fact]
    public void Observe_KnownMacQuietThenSeenElsewhere_FollowsTheMac()
    {
        const string mac = "3c:52:82:11:22:33";
        _registry.Observe(Ev.Device(Ev.T0, "10.10.0.50", mac, 10));
        _registry.Observe(Ev.Device(Ev.T0.AddHours(3), "10.10.0.60", mac, 10));
        _registry.Find("10.10.0.60")!.FirstSeen.ShouldBe(Ev.T0);
        _registry.Count.ShouldBe(1);
    }

    [Fact]
    public void Observe_OneMacBehindTwoLiveAddresses_IsARouterNotAnIdentity()
    {
        const string router = "00:00:5e:00:01:01";
        _registry.Observe(Ev.Device(Ev.T0, "10.30.0.5", router));
        _registry.Observe(Ev.Device(Ev.T0.AddSeconds(1), "10.30.0.6", router));
        _registry.Observe(Ev.Device(Ev.T0.AddHours(1), "10.30.0.7", router));

        _registry.Count.ShouldBe(3);
        _registry.Find("10.30.0.6")!.Mac.ShouldBeNull();
        _registry.Find("10.30.0.7")!.FirstSeen.ShouldBe(Ev.T0.AddHours(1));
    }

    [Fact]
    public void Observe_ZoneFromVlanOrCidr_FlowTagDoesNotMoveTheResponder()
    {
        _registry.Observe(Ev.Device(Ev.T0, Background.S7Plc, "02:00:00:14:00:15", 20));
        var flow = Ev.Session(Ev.T0.AddSeconds(1), Story.Attacker, Background.S7Plc, 102);
        _registry.Observe(flow with { Flow = flow.Flow with { Vlan = 10 } });

        _registry.Find(Background.S7Plc)!.Zone!.Name.ShouldBe("Industrial");
        _registry.Find(Story.Attacker)!.Zone!.Name.ShouldBe("Computing");
        _registry.Observe(Ev.Device(Ev.T0.AddSeconds(2), "192.168.7.7", "02:00:00:00:07:07", 20));
        _registry.Find("192.168.7.7")!.Zone!.Name.ShouldBe("Industrial"); // VLAN 20 wins over the CIDR map
    }

    [Fact]
    public void IsInternal_BroadcastAndMulticast_AreNotDevices()
    {
        _registry.IsInternal("10.10.0.255").ShouldBeFalse();
        _registry.IsExternal("10.10.0.255").ShouldBeFalse();
        _registry.IsExternal("224.0.0.251").ShouldBeFalse();
        _registry.IsExternal("8.8.8.8").ShouldBeTrue();
        _registry.Touch("10.10.0.255", Ev.T0).ShouldBeNull();
    }

    [Fact]
    public void ExportImport_RoundTripsIdentitiesAddressesAndRoles()
    {
        const string mac = "3c:52:82:11:22:33";
        _registry.Observe(Ev.Device(Ev.T0, "10.10.0.50", mac, 10));
        _registry.Observe(Ev.Ics(Ev.T0, Background.Hmi, Background.S7Plc, "read", "read-var", "items=1 DB1.DBW0[1]"));
        var copy = new DeviceRegistry(Ev.Plant);
        copy.Import(_registry.ExportDevices(), _registry.ExportState());

        copy.Find(Background.S7Plc)!.IcsServerSince.ShouldBe(Ev.T0);
        copy.Find(Background.S7Plc)!.Zone!.Name.ShouldBe("Industrial");
        copy.Observe(new DhcpSeen(Ev.T0.AddDays(1), mac, "ACK", null, null, "10.10.0.52", "10.10.0.52"));
        copy.Find("10.10.0.52")!.Id.ShouldBe(mac);
    }
}
