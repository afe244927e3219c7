using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Dissectors.Dhcp;

/// <summary>
/// DHCP over UDP 67/68 (RFC 2131/2132): message type (option 53), host name (12), client id (61), requested
/// address (50), server id (54), vendor class (60), ciaddr and the assigned yiaddr, for the client hardware address
/// (chaddr). Every message is a <see cref="DhcpSeen"/>; host names also reach the device view (DeviceSeen.Hostname).
/// </summary>
internal sealed class DhcpSession : DissectorSession
{
    public DhcpSession(DissectorContext context)
        : base(context, DissectorKind.Dhcp)
    {
    }

    public override void OnDatagram(int direction, ReadOnlySpan<byte> payload, long ticks)
    {
        if (payload.Length < 240 || payload[0] is not (1 or 2) || payload[2] is 0 or > 16
            || BinaryPrimitives.ReadUInt32BigEndian(payload[236..]) != 0x63825363)
        {
            CountMalformed();
            return;
        }

        CountPdu();
        Service = Services.Dhcp;
        int type = 0;
        string? hostname = null, clientId = null, vendor = null;
        IpAddr requested = default, server = default;
        var r = new SpanReader(payload[240..]);
        while (r.U8(out int option) && option != 255)
        {
            if (option == 0)
            {
                continue;
            }

            if (!r.U8(out int length) || !r.Bytes(length, out ReadOnlySpan<byte> value))
            {
                CountMalformed();
                break;
            }

            switch (option)
            {
                case 53 when length >= 1:
                    type = value[0];
                    break;
                case 12 when length > 0:
                    hostname = Text(value);
                    break;
                case 61 when length > 0:
                    clientId = Hex(value);
                    break;
                case 60 when length > 0:
                    vendor = Text(value);
                    break;
                case 50 when length == 4:
                    requested = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(value));
                    break;
                case 54 when length == 4:
                    server = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(value));
                    break;
            }
        }

        if (type == 0)
        {
            return; // plain BOOTP
        }

        int hardwareLength = payload[2];
        string mac = hardwareLength == 6 ? MacAddress.Read(payload[28..]).ToString() : Hex(payload.Slice(28, hardwareLength));
        IpAddr client = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(payload[12..]));
        IpAddr assigned = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(payload[16..]));
        Publish(new DhcpSeen(Time(ticks), mac, TypeName(type), hostname, clientId, Address(requested), Address(assigned),
            Flow.Uid, Address(client), Address(server), vendor, Flow.VlanOrNull));

        if (hardwareLength == 6)
        {
            // Only an address the client holds: the ACK's yiaddr, or ciaddr (a requested address is not granted yet).
            IpAddr bound = type == 5 && !assigned.IsUnspecified ? assigned : client;
            Context.Output.OnHostname(MacAddress.Read(payload[28..]), bound, hostname, Flow.Vlan, ticks);
        }
    }

    /// <summary>Zeek's dhcp.log message type names.</summary>
    private static string TypeName(int type) => type switch
    {
        1 => "DISCOVER",
        2 => "OFFER",
        3 => "REQUEST",
        4 => "DECLINE",
        5 => "ACK",
        6 => "NAK",
        7 => "RELEASE",
        8 => "INFORM",
        9 => "FORCERENEW",
        10 => "LEASEQUERY",
        11 => "LEASEUNASSIGNED",
        12 => "LEASEUNKNOWN",
        13 => "LEASEACTIVE",
        _ => "TYPE-" + type.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Address(IpAddr ip) => ip.IsUnspecified ? null : ip.ToString();

    /// <summary>Option text with trailing NULs removed (some clients send "nas1\0").</summary>
    private static string Text(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value.TrimEnd((byte)0));

    private static string Hex(ReadOnlySpan<byte> value)
    {
        var sb = new StringBuilder(value.Length * 3);
        foreach (byte b in value)
        {
            sb.Append(sb.Length == 0 ? "" : ":").Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
