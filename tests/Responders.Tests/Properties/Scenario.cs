using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Planning;
using FsCheck;
using FsCheck.Fluent;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Properties;

/// <summary>A random world for the gate properties: devices, protected set, windows, policy, and a stream of incidents.</summary>
public sealed record Scenario(
    IReadOnlyList<string> Protected,
    IReadOnlyList<WindowConfig> Windows,
    ResponseConfig Response,
    IReadOnlyList<IncidentScored> Incidents)
{
    public static readonly string[] Devices = [.. Enumerable.Range(1, 6).Select(i => $"10.0.0.{i}")];

    private static readonly string[] DisruptiveKinds =
        [ActionKinds.TcpReset, ActionKinds.FirewallBlock, ActionKinds.SwitchQuarantine, ActionKinds.DisableUser, ActionKinds.RevokeSessions];

    public static Arbitrary<Scenario> Arbitrary() => Generator().ToArbitrary();

    private static Gen<Scenario> Generator() =>
        from protectedSet in Gen.SubListOf(Devices)
        from windows in Gen.ListOf(WindowGen()).Resize(4)
        from response in ResponseGen()
        from incidents in Gen.NonEmptyListOf(IncidentGen()).Resize(25)
        select new Scenario(protectedSet.ToArray(), windows.ToArray(), response,
            incidents.OrderBy(i => i.Time).Select((inc, n) => inc with { Id = $"inc-{n % 7}", Revision = n }).ToArray());

    private static Gen<WindowConfig> WindowGen() =>
        from startMinutes in Gen.Choose(-120, 900)
        from lengthMinutes in Gen.Choose(10, 300)
        from daily in Gen.Elements(false, true)
        from devices in Gen.SubListOf(Devices)
        from effect in Gen.Elements(WindowEffect.Suppress, WindowEffect.Confirm, WindowEffect.Cap)
        from cap in Gen.Elements(0.6, 0.8, 0.95)
        select Window($"w{startMinutes}-{lengthMinutes}", T0.AddMinutes(startMinutes), T0.AddMinutes(startMinutes + lengthMinutes),
            daily ? "FREQ=DAILY" : null, daily ? "UTC" : null, devices: [.. devices],
            effect: effect, capScore: effect == WindowEffect.Cap ? cap : null);

    private static Gen<ResponseConfig> ResponseGen() =>
        from mode in Gen.Elements(ResponseMode.Autonomous, ResponseMode.Confirm, ResponseMode.DryRun)
        from steps in Gen.NonEmptyListOf(StepGen()).Resize(4)
        from maxActive in Gen.Choose(0, 6)
        from maxPerHour in Gen.Choose(0, 6)
        select ResponseConfig.Default with
        {
            Mode = mode,
            Ladder = [.. steps],
            Limits = new LimitsConfig(maxActive, maxPerHour),
        };

    private static Gen<LadderStep> StepGen() =>
        from minScore in Gen.Elements(0.5, 0.6, 0.8, 0.95)
        from kinds in Gen.SubListOf(DisruptiveKinds)
        from ticket in Gen.Elements(true, false)
        from minutes in Gen.Elements(0, 10, 60, 240)
        let actions = (ticket || kinds.Count == 0 ? new[] { ActionKinds.Ticket } : []).Concat(kinds).ToArray()
        select new LadderStep(minScore, actions, minutes == 0 ? null : TimeSpan.FromMinutes(minutes), null);

    private static Gen<IncidentScored> IncidentGen() =>
        from device in Gen.Elements(Devices)
        from percent in Gen.Choose(40, 100)
        from minute in Gen.Choose(0, 1200)
        select Scored(percent / 100.0, device: device, time: T0.AddMinutes(minute));

    /// <summary>Runs the scenario through the real engine (every gate, in-memory recorder, executors that always apply).</summary>
    public IReadOnlyList<ActionDecision> Run()
    {
        var network = NetworkConfig.Default with { Protected = [.. Protected.Select(d => IPNetwork.Parse(d + "/32"))] };
        var harness = new EngineHarness(Response, network, Windows, new InProcessDispatcher(ActionKinds.All.Select(k => new AlwaysApplies(k))));
        foreach (var incident in Incidents)
        {
            var pending = harness.Engine.HandleAsync(incident, CancellationToken.None);
            pending.IsCompleted.ShouldBeTrue("the in-memory engine completes synchronously");
            pending.GetAwaiter().GetResult();
        }
        return harness.Decisions;
    }

    public override string ToString() =>
        $"protected [{string.Join(", ", Protected)}]; windows [{string.Join("; ", Windows.Select(w => $"{w.Name} {w.Effect} {w.Rrule} [{string.Join(",", w.Scope.Devices)}]"))}]; "
        + $"mode {Response.Mode}, limits {Response.Limits}; {Incidents.Count} incidents";

    private sealed class AlwaysApplies(string kind) : IActionExecutor
    {
        public string Kind => kind;

        public string Name => "stub";

        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DispatchOutcome(true, "ok"));
    }
}
