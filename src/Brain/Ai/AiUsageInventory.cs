using System.Net;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Ai;

/// <summary>
/// The AI-usage inventory (issue 9): fed the sensor's events in event-time order (<see cref="Observe"/>), it keeps,
/// per AI service, the devices and users that used it, first and last seen, connections and bytes each way, and the
/// MCP endpoints seen on cleartext HTTP. Thread-safe: the sensor feeds it while the API reads <see cref="Snapshot"/>
/// (map <c>GET /api/v1/ai-usage</c> to <c>Snapshot()</c>, serialised with <see cref="JsonOptions"/>).
/// </summary>
public sealed class AiUsageInventory
{
    /// <summary>snake_case JSON, the API's and the CLI's spelling.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    private readonly object _gate = new();
    private readonly AiTraffic _traffic;
    private readonly NetworkConfig _network;
    private readonly IReadOnlyDictionary<IPAddress, string> _users;
    private readonly Dictionary<string, string> _hostnames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceState> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Server, int Port), McpState> _mcp = [];
    private DateTimeOffset? _first, _last;

    public AiUsageInventory(AiCatalogue catalogue, NetworkConfig? network = null, IReadOnlyDictionary<IPAddress, string>? users = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _traffic = new AiTraffic(catalogue);
        _network = network ?? NetworkConfig.Default;
        _users = users ?? new Dictionary<IPAddress, string>();
    }

    /// <summary>An inventory for a configuration: its catalogue, networks and device → user map.</summary>
    public static AiUsageInventory For(AutoRespondConfig config) =>
        new(AiCatalogue.From(config.Ai), config.Network, config.Integrations.Users);

    public void Observe(NetworkEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_gate)
        {
            _first ??= e.Time;
            _last = e.Time;
            _traffic.Observe(e);
            switch (e)
            {
                case DeviceSeen { Hostname: { } name } seen:
                    _hostnames[seen.Ip] = name;
                    break;
                case DhcpSeen { Hostname: { } dhcpName, AssignedIp: { } assigned }:
                    _hostnames[assigned] = dhcpName;
                    break;
                case TlsHelloSeen hello when IsInternal(hello.Client) && !IsInternal(hello.Server) && _traffic.Classify(hello) is { } hit:
                    Use(hit, hello.Client, hello.Time);
                    break;
                case FlowObserved { Phase: FlowPhase.Ended, Flow: var flow }:
                    Finish(flow, e.Time);
                    break;
                case JsonRpcSeen { Mcp: true } rpc:
                    Mcp(rpc);
                    break;
            }
        }
    }

    /// <summary>The inventory now: services with most bytes up first, then MCP endpoints by first sight.</summary>
    public AiUsageReport Snapshot()
    {
        lock (_gate)
        {
            var services = _services.Values
                .Select(s => new AiServiceUsage(s.Service.Id, s.Service.Name, s.Service.Vendor, s.Service.Category, s.Service.Sanctioned,
                    s.First, s.Last, s.Devices.Values.Sum(d => d.Up), s.Devices.Values.Sum(d => d.Down), s.Devices.Values.Sum(d => d.Connections),
                    [.. s.Hosts.Order(StringComparer.Ordinal)],
                    [.. s.Devices.Select(d => new AiDeviceUsage(d.Key, _hostnames.GetValueOrDefault(d.Key), UserOf(d.Key), d.Value.First,
                        d.Value.Last, d.Value.Up, d.Value.Down, d.Value.Connections)).OrderByDescending(d => d.BytesUp).ThenBy(d => d.Ip, StringComparer.Ordinal)]))
                .OrderByDescending(s => s.BytesUp).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var mcp = _mcp.Select(m => new McpEndpointUsage(m.Key.Server, m.Key.Port, m.Value.Host, m.Value.ServerName,
                    [.. m.Value.Clients.Order(StringComparer.Ordinal)], [.. m.Value.ClientNames.Order(StringComparer.Ordinal)],
                    [.. m.Value.Tools.Order(StringComparer.Ordinal)], m.Value.Messages, m.Value.First, m.Value.Last))
                .OrderBy(m => m.FirstSeen).ThenBy(m => m.Server, StringComparer.Ordinal).ToList();
            return new AiUsageReport(_first, _last, services, mcp);
        }
    }

    private void Finish(FlowRecord flow, DateTimeOffset time)
    {
        if (!IsInternal(flow.OrigIp) || IsInternal(flow.RespIp) || _traffic.Classify(flow, time) is not { } hit) return;
        var device = Use(hit, flow.OrigIp, flow.Start, countConnection: false);
        device.Up += Bound(flow.OrigBytes, flow.OrigIpBytes);
        device.Down += Bound(flow.RespBytes, flow.RespIpBytes);
        device.Connections++;
        if (flow.Start + flow.Duration > device.Last) device.Last = flow.Start + flow.Duration;
    }

    private DeviceState Use(AiHit hit, string device, DateTimeOffset time, bool countConnection = false)
    {
        if (!_services.TryGetValue(hit.Service.Id, out var service))
            _services[hit.Service.Id] = service = new ServiceState(hit.Service, time);
        service.Hosts.Add(hit.Host);
        if (time < service.First) service.First = time;
        if (time > service.Last) service.Last = time;
        if (!service.Devices.TryGetValue(device, out var state)) service.Devices[device] = state = new DeviceState(time);
        if (time < state.First) state.First = time;
        if (time > state.Last) state.Last = time;
        if (countConnection) state.Connections++;
        return state;
    }

    private void Mcp(JsonRpcSeen rpc)
    {
        var key = (rpc.Server, rpc.ServerPort);
        if (!_mcp.TryGetValue(key, out var state)) _mcp[key] = state = new McpState(rpc.Time);
        state.Last = rpc.Time;
        state.Messages++;
        state.Clients.Add(rpc.Client);
        state.Host ??= rpc.HttpHost;
        state.ServerName ??= rpc.ServerName;
        if (rpc.ClientName is { } clientName) state.ClientNames.Add(clientName);
        if (rpc.Tool is { } tool && state.Tools.Count < 256) state.Tools.Add(tool);
    }

    private bool IsInternal(string ip) => IPAddress.TryParse(ip, out var address) && _network.IsInternal(address);

    private string? UserOf(string ip) => IPAddress.TryParse(ip, out var address) ? _users.GetValueOrDefault(address) : null;

    private static long Bound(long payload, long ipBytes) => ipBytes > 0 ? Math.Min(payload, ipBytes) : payload;

    private sealed class ServiceState(AiService service, DateTimeOffset first)
    {
        public AiService Service { get; } = service;
        public DateTimeOffset First { get; set; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public HashSet<string> Hosts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, DeviceState> Devices { get; } = new(StringComparer.Ordinal);
    }

    private sealed class DeviceState(DateTimeOffset first)
    {
        public DateTimeOffset First { get; set; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public long Up { get; set; }
        public long Down { get; set; }
        public int Connections { get; set; }
    }

    private sealed class McpState(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public int Messages { get; set; }
        public string? Host { get; set; }
        public string? ServerName { get; set; }
        public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);
        public HashSet<string> ClientNames { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Tools { get; } = new(StringComparer.Ordinal);
    }
}
