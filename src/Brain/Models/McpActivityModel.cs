using System.Globalization;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// mcp-activity (issue 9): an MCP client or server appears on the network (JSON-RPC with MCP methods on cleartext
/// HTTP, <see cref="JsonRpcSeen.Mcp"/>). Judged once per (client, server endpoint) pair not seen within 30 days:
/// π = p_server · p_ot, where p_server = (k + ½)/(N + 1) with k = other devices that spoke MCP to the endpoint in 30
/// days and N = active devices (an MCP server almost nobody uses is unusual), and p_ot, only when the client or the
/// server is in an OT zone, is the Jeffreys rate of earlier MCP pairs that touched OT, (x + ½)/(n + 1) (agents
/// reaching into the plant are rarer still). m = the client's new MCP pairs per day (at least 1).
/// </summary>
public sealed class McpActivityModel : IAnomalyModel
{
    private readonly ExternalRarity _endpoints = new();
    private readonly BernoulliTable _ot = new();

    public string Id => ModelIds.McpActivity;

    public EventKinds Reads => EventKinds.JsonRpc;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not JsonRpcSeen { Mcp: true } rpc) return;
        var client = context.Devices.Find(rpc.Client);
        var server = context.Devices.Find(rpc.Server);
        // The device to judge is the internal client; an internal MCP server reached from outside is judged as the server.
        var subject = client ?? server;
        if (subject is null) return;
        string endpoint = "mcp:" + rpc.Server + ":" + rpc.ServerPort.ToString(CultureInfo.InvariantCulture);
        var now = context.Now;
        if (_endpoints.Contacted(endpoint, subject.Id, now)) return;

        var halfLife = context.Options.BaselineHalfLife;
        bool ot = IsOt(client, rpc.Client, context) || IsOt(server, rpc.Server, context);
        int others = _endpoints.OtherDevices(endpoint, subject.Id, now);
        int active = Math.Max(context.External.ActiveDevices(now), _endpoints.ActiveDevices(now));
        double pServer = (others + 0.5) / (active + 1);
        double pOt = ot ? _ot.Jeffreys("*", now, halfLife) : 1;
        double pi = pServer * pOt;
        var (_, pairs) = _ot.Get(subject.Id, now, halfLife);
        double m = Rates.PerDay(pairs, now - subject.FirstSeen, halfLife);
        double score = Scoring.Sidak(pi, m);
        if (score >= Scoring.BreachThreshold)
        {
            string target = server is null ? (context.Devices.IsExternal(rpc.Server) ? "external" : "unknown") : server.ZoneName.Length > 0 ? server.ZoneName : "internal";
            string summary = string.Create(CultureInfo.InvariantCulture,
                $"{rpc.Client} spoke MCP (Model Context Protocol, {rpc.Method ?? rpc.Kind}) over cleartext HTTP to {rpc.Server}:{rpc.ServerPort}{(rpc.ServerName is null ? "" : $" ('{rpc.ServerName}')")}, a {target} endpoint {others} other of {active} devices used in 30 days{(ot ? "; it touches an OT zone" : "")} ({Scoring.FormatP(pi)}).");
            var evidence = new Dictionary<string, object>
            {
                ["flow_uid"] = rpc.FlowUid,
                ["client"] = rpc.Client,
                ["server"] = rpc.Server,
                ["server_port"] = rpc.ServerPort,
                ["method"] = rpc.Method ?? "",
                ["transport"] = rpc.Transport,
                ["ot"] = ot,
                ["other_devices"] = others,
                ["active_devices"] = active,
                ["p_server"] = pServer,
                ["p_ot"] = pOt,
                ["p"] = pi,
            };
            if (rpc.ServerName is { } name) evidence["server_name"] = name;
            if (rpc.ClientName is { } clientName) evidence["client_name"] = clientName;
            if (rpc.Tool is { } tool) evidence["tool"] = tool;
            if (rpc.HttpHost is { } host) evidence["http_host"] = host;
            string peer = ReferenceEquals(subject, client) ? rpc.Server : rpc.Client;
            context.Propose(Id, subject, score, summary, evidence, [peer], endpoint);
        }

        if (!context.Learns) return;
        _endpoints.Active(subject.Id, now);
        _endpoints.Contact(endpoint, subject.Id, now);
        _ot.Add("*", ot, now, halfLife);
        _ot.Add(subject.Id, ot, now, halfLife);
    }

    /// <summary>In an OT zone: the device's zone, or for an address no device has yet, the zone its address maps to.</summary>
    private static bool IsOt(Devices.DeviceProfile? device, string ip, BrainContext context) =>
        device is not null ? device.IsOtZone
            : System.Net.IPAddress.TryParse(ip, out var address) && context.Devices.Network.ZoneOf(address, null)?.Kind == Configuration.ZoneKind.Ot;

    public IReadOnlyList<TableSnapshot> Export() => [.. _endpoints.Export(), _ot.Export("ot")];

    public void Import(StateSnapshot state)
    {
        _endpoints.Import(state);
        _ot.Import(state, "ot");
    }
}
