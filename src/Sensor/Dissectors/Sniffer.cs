using System.Buffers.Binary;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>
/// Chooses a flow's dissector from its first payload and ports. Content first ("DPI beats ports", §1.0): a TLS
/// handshake record is TLS on any port; then the ICS/RDP port set (§1.9); then a TPKT + COTP Connection Request on any
/// other port is ISO-on-TCP, or RDP when its CR carries an RDP cookie or negotiation request.
/// </summary>
internal static class Sniffer
{
    /// <summary>
    /// The dissector for a TCP flow's first payload; <paramref name="serverIsOrig"/> when only the originator's port
    /// is the protocol's (a flow whose SYN came from the server port): requests then come from the responder.
    /// </summary>
    public static DissectorKind? ChooseTcp(ReadOnlySpan<byte> payload, int respPort, int origPort, out bool serverIsOrig)
    {
        serverIsOrig = false;
        if (LooksLikeTlsHandshake(payload))
        {
            return DissectorKind.Tls;
        }

        if (TcpKind(respPort) is { } byPort)
        {
            return byPort;
        }

        if (TcpKind(origPort) is { } byOrigPort)
        {
            serverIsOrig = true;
            return byOrigPort;
        }

        return LooksLikeCotpConnect(payload, out bool rdp) ? (rdp ? DissectorKind.Rdp : DissectorKind.Iso) : null;
    }

    public static DissectorKind? TcpKind(int port) => port switch
    {
        102 => DissectorKind.Iso,
        3389 => DissectorKind.Rdp,
        502 => DissectorKind.Modbus,
        20000 => DissectorKind.Dnp3,
        44818 => DissectorKind.Enip,
        443 or 8443 or 465 or 563 or 636 or 853 or 989 or 990 or 992 or 993 or 994 or 995 or 3269 or 5061 or 5986
            or 6697 => DissectorKind.Tls, // TLS by port too, so reassembly can order a hello whose first segment is late
        _ => null,
    };

    public static DissectorKind? UdpKind(int port) => port switch
    {
        67 or 68 => DissectorKind.Dhcp,
        20000 => DissectorKind.Dnp3,
        44818 => DissectorKind.Enip,
        2222 => DissectorKind.Cip,
        53 or 137 or 5353 or 5355 => DissectorKind.Dns,
        _ => null,
    };

    /// <summary>§1.7 port-independent detection: handshake record, version 3.x, ClientHello or ServerHello.</summary>
    public static bool LooksLikeTlsHandshake(ReadOnlySpan<byte> p)
        => p.Length >= 6 && p[0] == 0x16 && p[1] == 0x03 && p[2] <= 0x04 && p[5] is 0x01 or 0x02;

    /// <summary>TPKT v3 carrying a COTP CR; <paramref name="rdp"/> when it looks like MS-RDPBCGR's X.224 CR.</summary>
    public static bool LooksLikeCotpConnect(ReadOnlySpan<byte> p, out bool rdp)
    {
        rdp = false;
        if (p.Length < 11 || p[0] != 0x03 || p[1] != 0x00 || (p[5] & 0xF0) != 0xE0)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(p[2..]);
        if (length < 11 || p[4] < 6 || p[4] + 5 > length)
        {
            return false;
        }

        ReadOnlySpan<byte> variable = p[11..Math.Min(p.Length, length)];
        rdp = variable.StartsWith("Cookie: "u8) || (variable.Length >= 8 && variable[0] == 0x01 && variable[2] == 0x08)
            || variable.IsEmpty;
        return true;
    }

    /// <summary>A DNS (or NBNS/mDNS/LLMNR) message header with sane counts and a standard opcode.</summary>
    public static bool LooksLikeDns(ReadOnlySpan<byte> p)
    {
        if (p.Length < 12)
        {
            return false;
        }

        int opcode = (p[2] >> 3) & 0x0F;
        int qd = BinaryPrimitives.ReadUInt16BigEndian(p[4..]), an = BinaryPrimitives.ReadUInt16BigEndian(p[6..]);
        int ns = BinaryPrimitives.ReadUInt16BigEndian(p[8..]), ar = BinaryPrimitives.ReadUInt16BigEndian(p[10..]);
        return opcode is <= 2 or 4 or 5 && qd <= 16 && an <= 512 && ns <= 512 && ar <= 512 && qd + an + ns + ar > 0;
    }

    /// <summary>CIP class-1 I/O over UDP 2222: a common packet format with a sequenced-address item first.</summary>
    public static bool LooksLikeCipIo(ReadOnlySpan<byte> p)
    {
        if (p.Length < 6)
        {
            return false;
        }

        int items = BinaryPrimitives.ReadUInt16LittleEndian(p);
        int type = BinaryPrimitives.ReadUInt16LittleEndian(p[2..]);
        return items is >= 1 and <= 8 && type is 0x8002 or 0x00A1 or 0x0000;
    }
}
