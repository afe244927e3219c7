using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Simulation.Protocols;

/// <summary>DHCP message types (option 53).</summary>
internal enum DhcpType : byte
{
    Discover = 1,
    Offer = 2,
    Request = 3,
    Ack = 5,
}

/// <summary>The server's side of a lease: what OFFER and ACK carry.</summary>
internal sealed record DhcpLease(IpAddr Server, IpAddr Router, IpAddr DnsServer, string Domain, uint LeaseSeconds);

/// <summary>DHCP over BOOTP (RFC 2131/2132) as a Windows client and a Windows DHCP server send it.</summary>
internal static class Dhcp
{
    public const ushort ServerPort = 67;
    public const ushort ClientPort = 68;

    /// <summary>A client message. <paramref name="requested"/> goes in option 50 and <paramref name="server"/> in 54
    /// (both omitted when renewing, where <paramref name="clientAddress"/> is the leased address).</summary>
    public static byte[] Client(DhcpType type, uint xid, MacAddress mac, string hostname, IpAddr? clientAddress = null,
        IpAddr? requested = null, IpAddr? server = null, ushort secs = 0)
    {
        var w = Bootp(op: 1, xid, mac, secs, broadcast: false, clientAddress, yourAddress: null, server: null);
        w.U8(53).U8(1).U8((int)type);
        w.U8(61).U8(7).U8(1);
        WriteMac(w, mac);
        if (requested is { } r) Address(w, 50, r);
        if (server is { } s) Address(w, 54, s);
        w.U8(12).U8(hostname.Length).Ascii(hostname);
        if (type == DhcpType.Request)
        {
            // Client FQDN (option 81): flags 0, rcode1/2 255, the host name.
            w.U8(81).U8(3 + hostname.Length).U8(0).U8(0).U8(0).Ascii(hostname);
        }
        w.U8(60).U8(8).Ascii("MSFT 5.0");
        byte[] parameters = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252];
        w.U8(55).U8(parameters.Length).Bytes(parameters);
        return Finish(w);
    }

    /// <summary>A server answer (OFFER or ACK) giving <paramref name="yourAddress"/>.</summary>
    public static byte[] Server(DhcpType type, uint xid, MacAddress mac, IpAddr yourAddress, DhcpLease lease,
        IpAddr? clientAddress = null, bool broadcast = false)
    {
        var w = Bootp(op: 2, xid, mac, 0, broadcast, clientAddress, yourAddress, lease.Server);
        w.U8(53).U8(1).U8((int)type);
        Address(w, 54, lease.Server);
        w.U8(51).U8(4).U32(lease.LeaseSeconds);
        w.U8(58).U8(4).U32(lease.LeaseSeconds / 2);
        w.U8(59).U8(4).U32(lease.LeaseSeconds / 8 * 7);
        Address(w, 1, IpAddr.Parse("255.255.255.0"));
        Address(w, 3, lease.Router);
        Address(w, 6, lease.DnsServer);
        w.U8(15).U8(lease.Domain.Length).Ascii(lease.Domain);
        return Finish(w);
    }

    private static ByteWriter Bootp(int op, uint xid, MacAddress mac, ushort secs, bool broadcast, IpAddr? clientAddress,
        IpAddr? yourAddress, IpAddr? server)
    {
        var w = new ByteWriter(320);
        w.U8(op).U8(1).U8(6).U8(0).U32(xid).U16(secs).U16(broadcast ? 0x8000 : 0);
        Raw(w, clientAddress);
        Raw(w, yourAddress);
        Raw(w, server);
        Raw(w, null); // giaddr: the server is on the client's segment
        WriteMac(w, mac);
        w.Zeros(10 + 64 + 128);
        return w.U32(0x63825363);
    }

    private static byte[] Finish(ByteWriter w)
    {
        w.U8(255);
        if (w.Length < 300) w.Zeros(300 - w.Length); // BOOTP minimum size
        return w.ToArray();
    }

    private static void Address(ByteWriter w, int option, IpAddr address)
    {
        w.U8(option).U8(4);
        Raw(w, address);
    }

    private static void Raw(ByteWriter w, IpAddr? address)
    {
        Span<byte> b = stackalloc byte[4];
        if (address is { } a) a.WriteBytes(b);
        else b.Clear();
        w.Bytes(b);
    }

    private static void WriteMac(ByteWriter w, MacAddress mac)
    {
        Span<byte> b = stackalloc byte[6];
        mac.Write(b);
        w.Bytes(b);
    }
}
