using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Simulation.Protocols;

/// <summary>DNS messages (RFC 1035): a recursive A query and its answer, or NXDOMAIN.</summary>
internal static class Dns
{
    public const ushort Port = 53;

    public static byte[] Query(ushort id, string name) => Header(id, 0x0100, answers: 0, name).ToArray();

    /// <summary>An answer with one A record per address; no addresses means NXDOMAIN (with a SOA-less empty authority).</summary>
    public static byte[] Response(ushort id, string name, IReadOnlyList<IpAddr> addresses, uint ttl)
    {
        var w = Header(id, addresses.Count == 0 ? 0x8183 : 0x8180, addresses.Count, name);
        Span<byte> ip = stackalloc byte[4];
        foreach (var address in addresses)
        {
            address.WriteBytes(ip);
            w.U16(0xC00C).U16(1).U16(1).U32(ttl).U16(4).Bytes(ip);
        }
        return w.ToArray();
    }

    private static ByteWriter Header(ushort id, int flags, int answers, string name)
    {
        var w = new ByteWriter(64 + name.Length);
        w.U16(id).U16(flags).U16(1).U16(answers).U16(0).U16(0);
        foreach (string label in name.Split('.')) w.U8(label.Length).Ascii(label);
        return w.U8(0).U16(1).U16(1); // QTYPE A, QCLASS IN
    }
}
