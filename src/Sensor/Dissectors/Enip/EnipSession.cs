using System.Buffers.Binary;
using System.Globalization;

namespace AutoRespond.Sensor.Dissectors.Enip;

/// <summary>
/// EtherNet/IP over TCP or UDP 44818 (DETECTION.md §1.6): 24-byte little-endian encapsulation; List* commands are
/// discover (the ListIdentity reply adds product name, vendor, device type, revision and serial to the detail),
/// Register/UnRegisterSession session (status ≠ 0 is a failure), SendRRData/SendUnitData carry a CIP request whose
/// service (with class/instance/attribute or tag from a simple path, unwrapping Unconnected Send and Multiple Service
/// Packet) is the command; the reply's encapsulation status and CIP general status give the outcome.
/// </summary>
internal sealed class EnipSession : IcsSession
{
    private const string Protocol = "enip";

    public EnipSession(DissectorContext context)
        : base(context, DissectorKind.Enip)
    {
    }

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        int length = data.Length < 2 ? 0
            : CipNames.Command(BinaryPrimitives.ReadUInt16LittleEndian(data)) is null ? -1
            : data.Length < 4 ? 0
            : 24 + BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        return Framed(length);
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks) => OnEncapsulation(direction, pdu, ticks);

    public override void OnDatagram(int direction, ReadOnlySpan<byte> payload, long ticks)
    {
        int length = payload.Length >= 24 ? FrameLength(direction, payload) : -1;
        if (length < 0 || length > payload.Length)
        {
            CountMalformed();
            return;
        }

        OnEncapsulation(direction, payload[..length], ticks);
    }

    private void OnEncapsulation(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
        if (pdu.Length < 24)
        {
            CountMalformed();
            return;
        }

        CountPdu();
        Service = Services.Enip;
        int command = BinaryPrimitives.ReadUInt16LittleEndian(pdu);
        uint status = BinaryPrimitives.ReadUInt32LittleEndian(pdu[8..]);
        ulong context = BinaryPrimitives.ReadUInt64LittleEndian(pdu[12..]);
        ReadOnlySpan<byte> body = pdu[24..];
        ulong key = context ^ ((ulong)command << 48);
        string name = CipNames.Command(command)!;
        if (FromClient(direction))
        {
            OnRequest(command, name, body, key, ticks);
            return;
        }

        if (command == 0x0070)
        {
            key = Cpf.Find(body, 0x00B1, out ReadOnlySpan<byte> item) && item.Length >= 2
                ? UnitKey(BinaryPrimitives.ReadUInt16LittleEndian(item)) : key;
        }

        if (status != 0)
        {
            Complete(key, IcsClass.Failure, "status=0x" + status.ToString("x8", CultureInfo.InvariantCulture));
            return;
        }

        switch (command)
        {
            case 0x0063:
                Complete(key, IcsClass.Success, Cpf.Identity(body));
                break;
            case 0x006F or 0x0070:
                bool found = Cpf.Find(body, command == 0x006F ? 0x00B2 : 0x00B1, out ReadOnlySpan<byte> reply);
                int general = found ? Cip.GeneralStatus(command == 0x0070 && reply.Length >= 2 ? reply[2..] : reply) : 0;
                Complete(key, general == 0 ? IcsClass.Success : IcsClass.Failure,
                    general == 0 ? null : "cip-status=0x" + general.ToString("x2", CultureInfo.InvariantCulture));
                break;
            default:
                Complete(key, IcsClass.Success);
                break;
        }
    }

    private void OnRequest(int command, string name, ReadOnlySpan<byte> body, ulong key, long ticks)
    {
        switch (command)
        {
            case 0x0004 or 0x0063 or 0x0064:
                Await(key, new IcsRequest(ticks, Protocol, IcsClass.Discover, name, command, null));
                break;
            case 0x0065:
                Await(key, new IcsRequest(ticks, Protocol, IcsClass.Session, name, command, null));
                break;
            case 0x0066:
                Report(new IcsRequest(ticks, Protocol, IcsClass.Session, name, command, null), IcsClass.Unknown);
                break;
            case 0x006F or 0x0070:
                bool unit = command == 0x0070;
                if (!Cpf.Find(body, unit ? 0x00B1 : 0x00B2, out ReadOnlySpan<byte> item) || (unit && item.Length < 2))
                {
                    CountMalformed();
                    return;
                }

                if (unit)
                {
                    key = UnitKey(BinaryPrimitives.ReadUInt16LittleEndian(item));
                    item = item[2..];
                }

                if (Cip.Describe(item, name) is not { } cip)
                {
                    CountMalformed();
                    return;
                }

                Await(key, new IcsRequest(ticks, Protocol, cip.Class, cip.Name, cip.Service, cip.Detail, cip.Critical));
                break;
        }
    }

    private static ulong UnitKey(int sequence) => (0x70UL << 48) | (uint)sequence;
}
