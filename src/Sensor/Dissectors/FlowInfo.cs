using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Flows;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>
/// The identity of a dissected flow as events name it (uid, client = originator, server = responder, or the reverse
/// when <see cref="RolesSwapped"/>: the protocol's port is on the originator's side). Refreshed from the flow on every
/// packet by value copies; the strings are built once, on the first event.
/// </summary>
internal sealed class FlowInfo
{
    private long _serial = -1;
    private bool _origIsA;
    private bool _swapped;
    private ulong _seed;
    private string? _uid;
    private string? _client;
    private string? _server;

    public IpAddr ClientIp { get; private set; }

    public IpAddr ServerIp { get; private set; }

    public int ClientPort { get; private set; }

    public int ServerPort { get; private set; }

    public MacAddress ClientMac { get; private set; }

    public int Vlan { get; private set; } = -1;

    /// <summary>The requester is the flow's responder (direction 1), e.g. a connection opened from port 502.</summary>
    public bool RolesSwapped
    {
        get => _swapped;
        set
        {
            _swapped = value;
            _serial = -1; // recompute on the next update
        }
    }

    public string Uid => _uid ??= FlowUid.Create(_seed, _serial);

    public string Client => _client ??= ClientIp.ToString();

    public string Server => _server ??= ServerIp.ToString();

    public int? VlanOrNull => Vlan >= 0 ? Vlan : null;

    public void Update(ulong seed, in FlowState f)
    {
        if (f.Serial == _serial && f.OrigIsA == _origIsA)
        {
            return;
        }

        _seed = seed;
        _serial = f.Serial;
        _origIsA = f.OrigIsA;
        bool clientIsA = f.OrigIsA != _swapped;
        ClientIp = clientIsA ? f.Key.A : f.Key.B;
        ServerIp = clientIsA ? f.Key.B : f.Key.A;
        ClientPort = clientIsA ? f.Key.PortA : f.Key.PortB;
        ServerPort = clientIsA ? f.Key.PortB : f.Key.PortA;
        ClientMac = _swapped ? f.RespMac : f.OrigMac;
        Vlan = f.Vlan;
        _uid = _client = _server = null;
    }
}
