using AutoRespond.Contracts;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

public sealed partial class FlowTable
{
    private readonly RecordStrings _strings = new();

    private const uint HistUdpOrigData = 0x1;
    private const uint HistUdpRespData = 0x2;

    /// <summary>Zeek's UDP analyzer: ConnSize counts first, a bad checksum only adds 'C', sizes come from UDP lengths.</summary>
    private bool ProcessUdp(int slot, bool isOrig, in DecodedPacket p, long ticks)
    {
        ref FlowState f = ref Flow(slot);
        ref Endpoint ep = ref isOrig ? ref f.Orig : ref f.Resp;
        ep.Packets++;
        ep.IpBytes += p.IpTotalLength;
        if (_options.VerifyChecksums && !Checksums.TransportValid(p))
        {
            ScaledHistory(ref f, isOrig, ScaledCount.Checksum);
            return false;
        }

        f.LastTicks = ticks;
        f.CheckHistory(isOrig ? HistUdpOrigData : HistUdpRespData, isOrig ? 'D' : 'd');
        AddLength(ref ep, p.UdpLength - 8);
        return true;
    }

    /// <summary>Zeek's ICMP analyzer: no history; sizes are the ICMP message lengths minus the 8-byte header.</summary>
    private void ProcessIcmp(int slot, bool isOrig, in DecodedPacket p, long ticks)
    {
        ref FlowState f = ref Flow(slot);
        if (_options.VerifyChecksums && !Checksums.TransportValid(p))
        {
            return;
        }

        ref Endpoint ep = ref isOrig ? ref f.Orig : ref f.Resp;
        f.LastTicks = ticks;
        AddLength(ref ep, p.PayloadLength);
        ep.Packets++;
        ep.IpBytes += p.IpTotalLength;
    }

    private static void AddLength(ref Endpoint ep, long length)
    {
        if (ep.Active && ep.PayloadBytes >= 0)
        {
            ep.PayloadBytes += length;
        }
        else
        {
            ep.Active = true;
            ep.PayloadBytes = length; // a negative length leaves the side inactive, as in Zeek
        }
    }

    /// <summary>The conn.log view of a flow; allocates (once per flow, at report time).</summary>
    private FlowRecord BuildRecord(in FlowState f)
    {
        IpAddr origIp = f.OrigIsA ? f.Key.A : f.Key.B, respIp = f.OrigIsA ? f.Key.B : f.Key.A;
        int origPort = f.OrigIsA ? f.Key.PortA : f.Key.PortB, respPort = f.OrigIsA ? f.Key.PortB : f.Key.PortA;
        string proto, state;
        long origBytes, respBytes;
        switch (f.Key.Protocol)
        {
            case 6:
                proto = "tcp";
                state = ConnStateRules.ForTcp(f);
                origBytes = ConnStateRules.Size(f.Orig, f.Resp);
                respBytes = ConnStateRules.Size(f.Resp, f.Orig);
                break;
            case 17:
                proto = "udp";
                state = ConnStateRules.ForUdp(f);
                origBytes = ConnStateRules.IsActive(f.Orig) ? f.Orig.PayloadBytes : 0;
                respBytes = ConnStateRules.IsActive(f.Resp) ? f.Resp.PayloadBytes : 0;
                break;
            default:
                proto = "icmp";
                state = "OTH";
                origBytes = ConnStateRules.IsActive(f.Orig) ? f.Orig.PayloadBytes : 0;
                respBytes = ConnStateRules.IsActive(f.Resp) ? f.Resp.PayloadBytes : 0;
                break;
        }

        return new FlowRecord(
            Uid: FlowUid.Create(_options.UidSeed, f.Serial),
            Start: ToTime(f.StartTicks),
            Duration: TimeSpan.FromTicks(Math.Max(0, f.LastTicks - f.StartTicks)),
            OrigIp: _strings.Ip(origIp),
            OrigPort: origPort,
            RespIp: _strings.Ip(respIp),
            RespPort: respPort,
            Proto: proto,
            Service: f.Service,
            ConnState: state,
            History: _strings.History(f),
            OrigBytes: origBytes,
            RespBytes: respBytes,
            OrigPkts: f.Orig.Packets,
            OrigIpBytes: f.Orig.IpBytes,
            RespPkts: f.Resp.Packets,
            RespIpBytes: f.Resp.IpBytes,
            Vlan: f.Vlan >= 0 ? f.Vlan : null,
            OrigMac: _strings.Mac(f.OrigMac),
            RespMac: _strings.Mac(f.RespMac));
    }
}
