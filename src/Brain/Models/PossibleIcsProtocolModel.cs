using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.6.
/// (a) an ICS port toward an external host, attempts included: π = p_e (rarity of the endpoint, least rare of
/// IP and /24) × P(the device's external flows go to ICS ports), a Beta–Bernoulli (κ = 10) backed off to its
/// zone and the organisation (Jeffreys); m = the device's ICS-port flows per day (floor 1);
/// (b) a non-OT device's first established session on an ICS protocol, and (c) an ICS port whose payload the
/// sensor recognised as another protocol: π = tail of the value in the device's session mix
/// (<see cref="IcsUsage"/>), m as in (a);
/// (d) a classified ICS protocol on a non-standard port and (e) an unknown function code: π = DP tail of the
/// protocol@port or protocol:function among the device's ICS command-hours (device → zone → organisation),
/// m = its ICS command-hours per day.
/// </summary>
public sealed class PossibleIcsProtocolModel : IAnomalyModel
{
    private readonly BernoulliTable _external = new();
    private readonly CategoricalCounts<string> _icsFlows = new(v => v, k => k);
    private readonly IcsUsage _usage = new();
    private readonly HierarchicalCategorical<string> _ports = new(v => v, k => k);
    private readonly HierarchicalCategorical<string> _functions = new(v => v, k => k);
    private readonly HashSet<string> _countedAtAttempt = new(StringComparer.Ordinal);
    private readonly Labels _portKeys = new("@");
    private readonly Labels _functionKeys = new(":fc");

    public string Id => ModelIds.PossibleIcsProtocol;

    public EventKinds Reads => EventKinds.Flow | EventKinds.IcsCommand;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        switch (e)
        {
            case FlowObserved flow:
                if (context.Devices.Find(flow.Flow.OrigIp) is { } src) OnFlow(src, flow, context);
                break;
            case IcsCommandSeen command:
                if (context.Devices.Find(command.Client) is { } client) OnCommand(client, command, context);
                break;
        }
    }

    private void OnFlow(DeviceProfile src, FlowObserved observed, BrainContext context)
    {
        var flow = observed.Flow;
        var halfLife = context.Options.BaselineHalfLife;
        bool ics = IcsPorts.IsIcsPort(flow.Proto, flow.RespPort);
        if (context.Devices.IsExternal(flow.RespIp))
        {
            if (observed.Phase == FlowPhase.Ended && _countedAtAttempt.Remove(flow.Uid)) return;
            if (observed.Phase == FlowPhase.AttemptTimedOut) _countedAtAttempt.Add(flow.Uid);
            if (ics) External(src, flow, context);
            if (!context.Learns) return;
            _external.Add(src.Id, ics, context.Now, halfLife);
            _external.Add(Zone(src), ics, context.Now, halfLife);
            _external.Add("*", ics, context.Now, halfLife);
            if (ics) _icsFlows.Add(src.Id, "", context.Now, halfLife);
            return;
        }
        if (!IcsUsage.Established(observed) || !context.Devices.IsInternal(flow.RespIp)) return;
        string value = IcsUsage.ValueOf(flow);
        if (ics && flow.Service is { Length: > 0 } service && !Speaks(service, value))
            value = "mismatch:" + service + "@" + flow.RespPort.ToString(CultureInfo.InvariantCulture);
        if (value != IcsUsage.NotIcs && _usage.IsNew(src, value, context.Now, halfLife))
        {
            bool mismatch = value.StartsWith("mismatch:", StringComparison.Ordinal);
            bool nonOt = !src.IsOtZone && !context.HasRole(src, DeviceRole.IcsClient) && !context.HasRole(src, DeviceRole.IcsServer);
            if (mismatch || nonOt)
            {
                double pi = _usage.Tail(src, value, context.Now, halfLife);
                string what = mismatch
                    ? $"{src.Ip} used ICS port {flow.RespPort} on {flow.RespIp} for {flow.Service}, not {IcsPorts.ProtocolOf(flow.RespPort)}"
                    : $"{src.Ip}, not an OT device, spoke {value} (to {flow.RespIp}:{flow.RespPort}) for the first time";
                Propose(src, pi, IcsFlowsPerDay(src, context), mismatch ? "payload-mismatch" : "first-ics-use", what, flow.RespIp, flow.Uid, context);
            }
        }
        if (!context.Learns) return;
        _usage.Learn(src, value, context.Now, halfLife);
        if (ics) _icsFlows.Add(src.Id, "", context.Now, halfLife);
    }

    /// <summary>True when one of the sensor's services ("cotp,s7comm-plus", Zeek style) is the port's ICS family.</summary>
    private static bool Speaks(string services, string family)
    {
        foreach (string service in services.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (IcsPorts.FamilyOf(service) == family) return true;
        return false;
    }

    private void External(DeviceProfile src, FlowRecord flow, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        var rarity = context.External.Assess(src.Id, context.Now, ExternalRarity.IpKey(flow.RespIp), context.External.NetworkKey(flow.RespIp));
        double pOrg = _external.Jeffreys("*", context.Now, halfLife);
        double pZone = _external.Predictive(Zone(src), pOrg, context.Now, halfLife);
        double pDevice = _external.Predictive(src.Id, pZone, context.Now, halfLife);
        double pi = rarity.P * pDevice;
        string what = string.Create(CultureInfo.InvariantCulture,
            $"{src.Ip} tried {IcsPorts.ProtocolOf(flow.RespPort)} (port {flow.RespPort}, {flow.ConnState}) to external {flow.RespIp}, which {rarity.K} other of {rarity.N} devices contacted in 30 days; {pDevice:0.####} of its external flows are expected on ICS ports");
        Propose(src, pi, IcsFlowsPerDay(src, context), "external", what, flow.RespIp, flow.Uid, context);
    }

    private void OnCommand(DeviceProfile src, IcsCommandSeen command, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        string group = src.GroupKey;
        string port = _portKeys.Of(command.Protocol, command.ServerPort);
        string function = _functionKeys.Of(command.Protocol, command.Code);
        bool unknown = command.Class.Equals("unknown", StringComparison.OrdinalIgnoreCase) || command.Class.Equals("other", StringComparison.OrdinalIgnoreCase);
        // m for these variants: the device's ICS command-hours a day (the unit the signatures are counted in).
        double M() => Rates.PerDay(_ports.Counts.Total(src.Id, context.Now, halfLife), context.Now - src.FirstSeen, halfLife);
        if (!IcsPorts.IsStandardPort(command.Protocol, command.ServerPort) && _ports.IsNew(src.Id, port, context.Now, halfLife))
            Propose(src, _ports.Tail(src.Id, group, port, context.Now, halfLife), M(), "non-standard-port",
                $"{src.Ip} spoke {command.Protocol} to {command.Server} on non-standard port {command.ServerPort}", command.Server, command.FlowUid, context);
        else if (unknown && _functions.IsNew(src.Id, function, context.Now, halfLife))
            Propose(src, _functions.Tail(src.Id, group, function, context.Now, halfLife), M(), "unknown-function",
                $"{src.Ip} sent {command.Protocol} function {command.Code} ({command.Function}), unknown to the dissector, to {command.Server}",
                command.Server, command.FlowUid, context);
        if (!context.Learns) return;
        _ports.Add(src.Id, group, port, context.Now, halfLife, IcsUsage.Dedupe);
        _functions.Add(src.Id, group, function, context.Now, halfLife, IcsUsage.Dedupe);
    }

    /// <summary>"s7comm@102", "modbus:fc90": built once per (protocol, number); the last one is checked first (pollers repeat).</summary>
    private sealed class Labels(string separator)
    {
        private readonly Dictionary<(string, int), string> _texts = [];
        private string? _lastProtocol;
        private int _lastNumber;
        private string _lastText = "";

        public string Of(string protocol, int number)
        {
            if (ReferenceEquals(protocol, _lastProtocol) && number == _lastNumber) return _lastText;
            if (!_texts.TryGetValue((protocol, number), out var text))
            {
                text = protocol + separator + number.ToString(CultureInfo.InvariantCulture);
                if (_texts.Count < 100_000) _texts[(protocol, number)] = text;
            }
            (_lastProtocol, _lastNumber, _lastText) = (protocol, number, text);
            return text;
        }
    }

    private double IcsFlowsPerDay(DeviceProfile src, BrainContext context) =>
        Rates.PerDay(_icsFlows.Total(src.Id, context.Now, context.Options.BaselineHalfLife), context.Now - src.FirstSeen,
            context.Options.BaselineHalfLife);

    private void Propose(DeviceProfile src, double pi, double m, string variant, string what, string peer, string uid, BrainContext context)
    {
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;
        string summary = string.Create(CultureInfo.InvariantCulture, $"{what} ({Scoring.FormatP(pi)}, m = {m:0} a day).");
        var evidence = new Dictionary<string, object>
        {
            ["variant"] = variant,
            ["flow_uid"] = uid,
            ["peer"] = peer,
            ["p"] = pi,
            ["m"] = Math.Round(m, 1),
        };
        context.Propose(Id, src, score, summary, evidence, [peer]);
    }

    private static string Zone(DeviceProfile device) => device.GroupKey;

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot> { _external.Export("external") };
        tables.AddRange(_icsFlows.Export("ics-flows"));
        tables.AddRange(_usage.Export("usage"));
        tables.AddRange(_ports.Export("ports"));
        tables.AddRange(_functions.Export("functions"));
        tables.Add(SnapshotSet.Export("counted-at-attempt", _countedAtAttempt));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _external.Import(state, "external");
        _icsFlows.Import(state, "ics-flows");
        _usage.Import(state, "usage");
        _ports.Import(state, "ports");
        _functions.Import(state, "functions");
        SnapshotSet.Import(state, "counted-at-attempt", _countedAtAttempt);
    }
}
