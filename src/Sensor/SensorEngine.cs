using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Dissectors;
using AutoRespond.Sensor.Flows;

namespace AutoRespond.Sensor;

/// <summary>
/// The sensor pipeline for one capture stream: decode, account flows with Zeek semantics, dissect their payloads, and
/// publish <see cref="FlowObserved"/>, <see cref="DeviceSeen"/> and protocol events in non-decreasing event time. The
/// clock is packet time: every packet first fires due flow timers, then advances the sink's clock. Not thread-safe.
/// </summary>
public sealed class SensorEngine : IFlowObserver, IDissectorOutput
{
    private readonly SensorOptions _options;
    private readonly INetworkEventSink _sink;
    private readonly PacketDecoder _decoder = new();
    private readonly FlowTable _flows;
    private readonly DeviceTracker _devices;
    private readonly Dictionary<ulong, string> _hostnames = [];
    private readonly Dictionary<ulong, (IpAddr Ip, string Hostname)> _named = [];
    private long _clock;
    private long _advanced = long.MinValue;
    private long _lastEvent;
    private bool _completed;

    public SensorEngine(SensorOptions options, INetworkEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        _options = options;
        _sink = sink;
        _flows = new FlowTable(options.Flows, this);
        _devices = new DeviceTracker(options.MaxDevices);
        Stats = new SensorStats(_decoder.Stats, _flows);
        if (options.Dissectors.Enabled)
        {
            _flows.PayloadObserver = new DissectorHost(new DissectorContext(
                options.Dissectors, Stats.Dissectors, Stats.Reassembly, this, options.Flows.UidSeed));
        }
    }

    public SensorStats Stats { get; }

    /// <summary>Processes one captured frame.</summary>
    public void Process(in RawPacket packet)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        SensorStats stats = Stats;
        stats.Packets++;
        stats.Bytes += packet.OriginalLength;
        long ticks = packet.TimestampTicks;
        if (ticks > _clock)
        {
            _clock = ticks;
        }

        _flows.AdvanceTime(_clock);
        if (_clock > _advanced)
        {
            _advanced = _clock;
            _sink.AdvanceTo(new DateTimeOffset(_clock, TimeSpan.Zero));
        }

        if (!_decoder.TryDecode(packet.LinkType, packet.Data, out DecodedPacket p))
        {
            return;
        }

        if (_options.Flows.VerifyChecksums && p.Kind == PacketKind.IPv4
            && !Checksums.Ipv4HeaderValid(p.Frame.Slice(p.IpOffset, p.IpHeaderLength)))
        {
            stats.BadIpChecksum++;
            return;
        }

        if (_options.ReportDevices)
        {
            ReportDevice(p);
        }

        if (_flows.Process(p, ticks))
        {
            stats.FlowPackets++;
        }
    }

    /// <summary>End of capture: ends every flow (reporting pending attempt timeouts first).</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _flows.Flush(_clock);
        _completed = true;
    }

    void IFlowObserver.OnAttemptTimedOut(FlowRecord flow, DateTimeOffset time)
        => _sink.Publish(new FlowObserved(EventTime(time), FlowPhase.AttemptTimedOut, flow));

    void IFlowObserver.OnFlowEnded(FlowRecord flow, DateTimeOffset time)
        => _sink.Publish(new FlowObserved(EventTime(time), FlowPhase.Ended, flow));

    private void ReportDevice(in DecodedPacket p)
    {
        MacAddress mac;
        IpAddr ip;
        if (p.IsIp)
        {
            mac = p.SourceMac;
            ip = p.SourceIp;
        }
        else if (p.Kind == PacketKind.Arp && !p.ArpSenderMac.IsZero)
        {
            mac = p.ArpSenderMac;
            ip = p.ArpSenderIp;
        }
        else
        {
            return;
        }

        if (mac.IsMulticast || !DeviceTracker.IsDeviceAddress(ip) || !_devices.Add(mac, ip))
        {
            return;
        }

        Stats.DevicesSeen++;
        _sink.Publish(new DeviceSeen(
            EventTime(new DateTimeOffset(_clock, TimeSpan.Zero)),
            mac.IsZero ? null : mac.ToString(),
            ip.ToString(),
            Hostname: _hostnames.GetValueOrDefault(mac.Value),
            Vlan: p.Vlan >= 0 ? p.Vlan : null));
    }

    DateTimeOffset IDissectorOutput.EventTime(long ticks) => EventTime(new DateTimeOffset(ticks, TimeSpan.Zero));

    void IDissectorOutput.Publish(NetworkEvent networkEvent) => _sink.Publish(networkEvent);

    /// <summary>DHCP named a host or bound an address: a DeviceSeen carries the name for (MAC, address).</summary>
    void IDissectorOutput.OnHostname(MacAddress mac, IpAddr ip, string? hostname, int vlan, long ticks)
    {
        int max = _options.Dissectors.MaxHostnames;
        if (hostname is not null)
        {
            if (_hostnames.Count < max || _hostnames.ContainsKey(mac.Value))
            {
                _hostnames[mac.Value] = hostname;
            }
        }
        else if (!_hostnames.TryGetValue(mac.Value, out hostname))
        {
            return;
        }

        if (!_options.ReportDevices || mac.IsMulticast || mac.IsZero || !DeviceTracker.IsDeviceAddress(ip)
            || (_named.TryGetValue(mac.Value, out var last) && last == (ip, hostname)))
        {
            return;
        }

        if (_named.Count < max || _named.ContainsKey(mac.Value))
        {
            _named[mac.Value] = (ip, hostname);
        }

        _devices.Add(mac, ip);
        Stats.DevicesSeen++;
        _sink.Publish(new DeviceSeen(EventTime(new DateTimeOffset(ticks, TimeSpan.Zero)), mac.ToString(), ip.ToString(),
            hostname, vlan >= 0 ? vlan : null));
    }

    /// <summary>Event times never go backwards, even when capture timestamps do.</summary>
    private DateTimeOffset EventTime(DateTimeOffset time)
    {
        long ticks = Math.Max(time.UtcTicks, _lastEvent);
        _lastEvent = ticks;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
