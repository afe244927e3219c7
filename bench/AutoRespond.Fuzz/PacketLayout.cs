using System.Buffers.Binary;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Fuzz;

/// <summary>
/// Where the layers of a frame start, found with a light parse that trusts nothing it has not bounds-checked (the
/// mutator needs offsets of length fields, not a validated packet). <see cref="L4"/> and <see cref="Payload"/> are -1
/// when absent.
/// </summary>
internal readonly record struct PacketLayout(int L3, int IpVersion, int Protocol, int L4, int Payload, int PayloadEnd,
    int SourcePort, int DestinationPort)
{
    public int PayloadLength => Payload < 0 ? 0 : PayloadEnd - Payload;

    public bool HasPort(int port) => SourcePort == port || DestinationPort == port;

    public static bool TryParse(int linkType, ReadOnlySpan<byte> f, out PacketLayout layout)
    {
        layout = default;
        int l3;
        int etherType = -1;
        switch (linkType)
        {
            case LinkTypes.Ethernet:
                if (f.Length < 14)
                {
                    return false;
                }

                l3 = 14;
                etherType = BinaryPrimitives.ReadUInt16BigEndian(f[12..]);
                while (etherType is 0x8100 or 0x88A8 && f.Length >= l3 + 4)
                {
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(f[(l3 + 2)..]);
                    l3 += 4;
                }

                break;
            case LinkTypes.LinuxSll:
                l3 = 16;
                etherType = f.Length >= 16 ? BinaryPrimitives.ReadUInt16BigEndian(f[14..]) : -1;
                break;
            case LinkTypes.LinuxSll2:
                l3 = 20;
                etherType = f.Length >= 20 ? BinaryPrimitives.ReadUInt16BigEndian(f) : -1;
                break;
            case LinkTypes.Null or LinkTypes.Loop:
                l3 = 4;
                break;
            case LinkTypes.Raw or LinkTypes.RawBsd12 or LinkTypes.RawBsd14 or LinkTypes.Ipv4 or LinkTypes.Ipv6:
                l3 = 0;
                break;
            default:
                return false;
        }

        if (f.Length < l3 + 20 || (etherType >= 0 && etherType is not (0x0800 or 0x86DD)))
        {
            return false;
        }

        int version = f[l3] >> 4;
        int protocol, l4, end;
        if (version == 4)
        {
            int ihl = (f[l3] & 0x0F) * 4;
            int total = BinaryPrimitives.ReadUInt16BigEndian(f[(l3 + 2)..]);
            protocol = f[l3 + 9];
            end = Math.Min(f.Length, l3 + Math.Max(total, ihl));
            bool later = (BinaryPrimitives.ReadUInt16BigEndian(f[(l3 + 6)..]) & 0x1FFF) != 0;
            l4 = ihl >= 20 && !later ? l3 + ihl : -1;
        }
        else if (version == 6 && f.Length >= l3 + 40)
        {
            protocol = f[l3 + 6];
            end = Math.Min(f.Length, l3 + 40 + BinaryPrimitives.ReadUInt16BigEndian(f[(l3 + 4)..]));
            l4 = l3 + 40;
        }
        else
        {
            return false;
        }

        int payload = -1, sport = -1, dport = -1;
        if (l4 >= 0 && protocol == 6 && end >= l4 + 20)
        {
            payload = Math.Min(end, l4 + Math.Max(20, (f[l4 + 12] >> 4) * 4));
        }
        else if (l4 >= 0 && protocol == 17 && end >= l4 + 8)
        {
            payload = l4 + 8;
        }
        else
        {
            l4 = l4 >= 0 && end >= l4 + 4 ? l4 : -1;
        }

        if (payload >= 0)
        {
            sport = BinaryPrimitives.ReadUInt16BigEndian(f[l4..]);
            dport = BinaryPrimitives.ReadUInt16BigEndian(f[(l4 + 2)..]);
        }

        layout = new PacketLayout(l3, version, protocol, l4, payload, Math.Max(end, payload), sport, dport);
        return true;
    }
}
