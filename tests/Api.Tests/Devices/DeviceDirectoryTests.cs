using AutoRespond.Api.Devices;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Hosting;
using AutoRespond.Simulation.Scenarios;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Devices;

public sealed class DeviceDirectoryTests
{
    [Fact]
    public async Task Devices_AfterReplay_InProcessAndStoredSnapshotAgree()
    {
        var folder = Directory.CreateTempSubdirectory("autorespond-devices-");
        string capture = Path.Combine(folder.FullName, "ics.pcap");
        ScenarioCatalog.Get("ics-sabotage").Write(capture, new SimulationOptions(SimulationOptions.DefaultSeed));
        await using var host = await ApiHost.StartAsync(options: new WebHostOptions { Replay = [capture] });
        using var client = host.Client("viewer");
        await Http.EventuallyAsync(async () =>
            (await client.SendAsync("GET", "health/ready")).Text.Contains("\"replayed ", StringComparison.Ordinal), "the replay to finish");

        var plc = (await client.SendAsync("GET", "api/v1/devices/10.20.0.21")).Body;
        plc.GetProperty("device").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain("ics-server");
        var commands = plc.GetProperty("pattern_of_life").GetProperty("ics_commands").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        commands.ShouldContain(c => c!.StartsWith("s7comm", StringComparison.Ordinal));
        plc.GetProperty("pattern_of_life").GetProperty("peers").GetArrayLength().ShouldBeGreaterThan(0);

        // What `autorespond api` serves: the stored snapshot, read the same way.
        var stored = new SnapshotDeviceDirectory(host.Get<IBaselineStore>(), host.Get<AutoRespondConfig>());
        var live = await host.Get<IDeviceDirectory>().ListAsync(TestContext.Current.CancellationToken);
        var fromStore = await stored.ListAsync(TestContext.Current.CancellationToken);
        fromStore.Select(d => (d.Id, d.Ip, d.Zone)).ShouldBe(live.Select(d => (d.Id, d.Ip, d.Zone)));
        var storedPlc = await stored.GetAsync("10.20.0.21", TestContext.Current.CancellationToken);
        storedPlc!.Device.Roles.ShouldContain("ics-server");
        storedPlc.PatternOfLife.IcsCommands.Select(c => c.Name).ShouldBe(commands!);
        folder.Delete(recursive: true);
    }

    [Fact]
    public void PatternOfLife_FlowsAndCommands_CountsPeersPortsProtocolsAndCommands()
    {
        var pattern = new PatternOfLife();
        var t = DateTimeOffset.UnixEpoch;
        for (int i = 0; i < 3; i++)
            pattern.Observe(new FlowObserved(t, FlowPhase.Ended, new FlowRecord("C" + i, t, TimeSpan.Zero, "10.0.0.1", 40000 + i, "10.0.0.2", 102, "tcp",
                "s7comm", "SF", "ShADadFf", 10, 10, 1, 50, 1, 50, null, null, null)));
        pattern.Observe(new IcsCommandSeen(t, "C0", "10.0.0.1", "10.0.0.2", 102, "s7comm", "read", "read-var", 4, null, "success"));
        pattern.Observe(new FlowObserved(t, FlowPhase.AttemptTimedOut, new FlowRecord("C9", t, TimeSpan.Zero, "10.0.0.1", 1, "10.0.0.9", 22, "tcp",
            null, "S0", "S", 0, 0, 1, 40, 0, 0, null, null, null)));
        var client = pattern.Export()["10.0.0.1"];
        client.Peers.ShouldBe([new Tally("10.0.0.2", 3)]); // an attempt still open is not counted
        client.Ports.ShouldBe([new Tally("102/tcp", 3)]);
        client.Protocols.ShouldBe([new Tally("s7comm", 3)]);
        client.IcsCommands.ShouldBe([new Tally("s7comm:read-var", 1)]);
        pattern.Export()["10.0.0.2"].Peers.ShouldBe([new Tally("10.0.0.1", 3)]);
    }
}
