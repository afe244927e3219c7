using AutoRespond.Brain.Models;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class EventKindsTests
{
    [Fact]
    public void Process_HandsAModelOnlyTheKindsItReads()
    {
        var icsOnly = new Seen(EventKinds.IcsCommand);
        var everything = new Seen(null);
        var (brain, _) = Ev.Brain(TimeSpan.Zero, icsOnly, everything);
        var flow = Ev.Session(Ev.T0, Background.Hmi, Background.S7Plc, 102);
        var command = Ev.Ics(Ev.T0.AddSeconds(1), Background.Hmi, Background.S7Plc, "read", "read-var");
        var device = Ev.Device(Ev.T0.AddSeconds(2), Background.Hmi);

        brain.Run([flow, command, device]);

        icsOnly.Events.ShouldBe([command]);
        everything.Events.ShouldBe([flow, command, device]);
    }

    [Fact]
    public void DefaultModels_ReadEveryKindTheirObserveHandles()
    {
        // The AI models learn names from DNS, TLS and JSON-RPC besides scoring flows; the ICS models read commands and flows.
        var reads = BrainEngine.DefaultModels().ToDictionary(m => m.Id, m => m.Reads);
        reads[ModelIds.ShadowAiUsage].ShouldBe(EventKinds.Flow | EventKinds.DnsAnswer | EventKinds.TlsHello | EventKinds.TlsCertificate | EventKinds.JsonRpc);
        reads[ModelIds.AiDataUpload].ShouldBe(reads[ModelIds.ShadowAiUsage]);
        reads[ModelIds.ItToIcsConnection].ShouldBe(EventKinds.Flow | EventKinds.IcsCommand);
        reads[ModelIds.UnusualAdminRdp].ShouldBe(EventKinds.Rdp | EventKinds.TlsHello | EventKinds.TlsCertificate | EventKinds.Flow);
    }

    /// <summary>A model that records what it is handed (null: it does not say what it reads, so it gets everything).</summary>
    private sealed class Seen(EventKinds? reads) : IAnomalyModel
    {
        public List<NetworkEvent> Events { get; } = [];

        public string Id => "seen-" + reads;

        public EventKinds Reads => reads ?? EventKinds.All;

        public void Observe(NetworkEvent e, BrainContext context) => Events.Add(e);

        public IReadOnlyList<TableSnapshot> Export() => [];

        public void Import(StateSnapshot state) { }
    }
}
