using System.Text.Json;
using AutoRespond.Contracts;

namespace AutoRespond.Contracts.Tests;

public sealed class ContractsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NetworkEventBatch_RoundTripsPolymorphicEvents()
    {
        var flow = new FlowRecord("C1", T0, TimeSpan.FromSeconds(3), "10.0.0.1", 50000, "10.0.0.2", 502, "tcp", null,
            "S0", "S", 0, 0, 1, 44, 0, 0, 20, "02:00:00:00:00:01", null);
        var batch = new NetworkEventBatch("sensor-1", 7,
        [
            new FlowObserved(T0, FlowPhase.AttemptTimedOut, flow),
            new DeviceSeen(T0, "02:00:00:00:00:01", "10.0.0.1", "laptop", 20),
            new IcsCommandSeen(T0, "C1", "10.0.0.1", "10.0.0.2", 102, "s7comm", "reprogram", "download-block", 0x1b, "OB1", "success"),
        ]);
        var back = JsonSerializer.Deserialize<NetworkEventBatch>(JsonSerializer.Serialize(batch))!;
        back.Events.Count.ShouldBe(3);
        back.Events[0].ShouldBeOfType<FlowObserved>().Flow.ShouldBe(flow);
        back.Events[1].ShouldBe(batch.Events[1]);
        back.Events[2].ShouldBe(batch.Events[2]);
    }

    [Fact]
    public void IncidentScored_EvidenceSurvivesTheWire()
    {
        var breach = new Breach("brc-1", ModelIds.MultipleFailedInternalConnections, T0, new DeviceRef("10.0.0.1"), 0.98, "scan",
            new Dictionary<string, object> { ["failed_targets"] = 12, ["sample_targets"] = new[] { "10.0.0.2:102" } }, ["10.0.0.2"]);
        var incident = new IncidentScored("inc-1", 2, T0, new DeviceRef("10.0.0.1"), T0, T0, 0.98, "reconnaissance",
            [breach.Model], ["T1046"], "summary", [breach]);
        string json = JsonSerializer.Serialize(incident);
        var back = JsonSerializer.Deserialize<IncidentScored>(json)!;
        back.Breaches[0].Evidence["failed_targets"].ToString().ShouldBe("12");
        JsonSerializer.Serialize(back).ShouldBe(json);
    }

    [Fact]
    public void MessageTypes_LiveInOneNamespace()
    {
        // MassTransit identifies a message by namespace + type name: moving one is a wire break.
        var types = typeof(IncidentScored).Assembly.GetExportedTypes().Where(t => !t.IsAbstract || !t.IsSealed).ToArray();
        types.ShouldAllBe(t => t.Namespace == "AutoRespond.Contracts");
        types.Select(t => t.Name).ShouldContain("IncidentScored");
        types.Select(t => t.Name).ShouldContain("NetworkEventBatch");
    }

    [Fact]
    public void Identifiers_MatchContract()
    {
        ModelIds.All.Count.ShouldBe(12);
        ModelIds.All.ShouldBeUnique();
        ActionKinds.All.ShouldBe(["ticket", "tcp-reset", "firewall-block", "switch-quarantine", "revoke-sessions",
            "disable-user", "quarantine-email"]);
    }
}
