using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.Modbus;

/// <summary>
/// Modbus/TCP (DETECTION.md §1.4): MBAP framing (pid 0, length 2..260, several ADUs per segment), requests from the
/// client classified with unit, function and address range, matched by transaction id and unit to the response:
/// an exception (FC | 0x80) is a failure with its code, anything else a success. MEI 14 responses add the device
/// identification objects to the detail.
/// </summary>
internal sealed class ModbusSession : IcsSession
{
    private const string Protocol = "modbus";
    private static readonly string[] ObjectNames =
        ["vendor-name", "product-code", "revision", "vendor-url", "product-name", "model-name", "user-application-name"];

    public ModbusSession(DissectorContext context)
        : base(context, DissectorKind.Modbus)
    {
    }

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        // Before Modbus is confirmed the protocol id must be 0 (Wireshark's check); after, an ADU with another
        // protocol id keeps the framing but is counted malformed and skipped (what Zeek's log shows for fuzz-72).
        bool pidOk = data.Length < 4 || (data[2] | data[3]) == 0;
        int length = data.Length < 6 ? (pidOk || Service is not null ? 0 : -1)
            : ((data[4] << 8) | data[5]) is < 2 or > 260 || (!pidOk && Service is null) ? -1
            : 6 + ((data[4] << 8) | data[5]);
        return Framed(length); // port 502 without Modbus framing (§2.6 c): the service stays unset
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> adu, long ticks)
    {
        if ((adu[2] | adu[3]) != 0)
        {
            CountMalformed();
            return;
        }

        CountPdu();
        Service = Services.Modbus;
        int transaction = BinaryPrimitives.ReadUInt16BigEndian(adu), unit = adu[6], function = adu[7];
        ReadOnlySpan<byte> data = adu[8..];
        ulong key = ((ulong)unit << 16) | (uint)transaction;
        if (!FromClient(direction))
        {
            if ((function & 0x80) != 0)
            {
                Complete(key, IcsClass.Failure, "exception=" + ModbusNames.Exception(data.IsEmpty ? 0 : data[0]));
            }
            else
            {
                Complete(key, IcsClass.Success, function == 0x2B ? DeviceIdentification(data) : null);
            }

            return;
        }

        (string name, string cls, bool critical) = ModbusNames.Function(function);
        var detail = new StringBuilder("unit=").Append(unit.ToString(CultureInfo.InvariantCulture));
        var r = new SpanReader(data);
        switch (function)
        {
            case 0x01 or 0x02 or 0x03 or 0x04 or 0x0F or 0x10 when r.U16(out int start) && r.U16(out int quantity):
                detail.Append(" start=").Append(start).Append(" quantity=").Append(quantity);
                break;
            case 0x05 or 0x06 when r.U16(out int address) && r.U16(out int value):
                detail.Append(" address=").Append(address).Append(" value=0x").Append(value.ToString("x4", CultureInfo.InvariantCulture));
                break;
            case 0x16 when r.U16(out int address):
                detail.Append(" address=").Append(address);
                break;
            case 0x17 when r.U16(out int readStart) && r.U16(out int readQuantity) && r.U16(out int writeStart) && r.U16(out int writeQuantity):
                detail.Append(" read-start=").Append(readStart).Append(" read-quantity=").Append(readQuantity)
                    .Append(" write-start=").Append(writeStart).Append(" write-quantity=").Append(writeQuantity);
                break;
            case 0x18 when r.U16(out int pointer):
                detail.Append(" fifo=").Append(pointer);
                break;
            case 0x08 when r.U16(out int sub):
                (cls, critical) = ModbusNames.Diagnostic(sub);
                detail.Append(" sub=0x").Append(sub.ToString("x4", CultureInfo.InvariantCulture));
                break;
            case 0x2B when r.U8(out int mei):
                detail.Append(" mei=").Append(mei);
                if (mei == 0x0E && r.U8(out int code) && r.U8(out int objectId))
                {
                    detail.Append(" read-device-id=").Append(code).Append(" object=").Append(objectId);
                }

                break;
            case 0x5A when r.U8(out _) && r.U8(out int umas):
                (cls, critical) = ModbusNames.Umas(umas);
                name = UmasName(umas);
                detail.Append(" umas=0x").Append(umas.ToString("x2", CultureInfo.InvariantCulture));
                break;
        }

        Await(key, new IcsRequest(ticks, Protocol, cls, name, function, detail.ToString(), critical));
    }

    private static string UmasName(int sub) => sub switch
    {
        0x40 => "umas-start-plc",
        0x41 => "umas-stop-plc",
        0x30 or 0x31 or 0x32 => "umas-download",
        0x33 or 0x34 or 0x35 => "umas-upload",
        0x10 => "umas-take-reservation",
        0x11 => "umas-release-reservation",
        _ => "umas-0x" + sub.ToString("x2", CultureInfo.InvariantCulture),
    };

    /// <summary>MEI 14 response objects 0–6 (vendor, product code, revision, ...), as <c>name="value"</c> pairs.</summary>
    private static string? DeviceIdentification(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        if (!r.U8(out int mei) || mei != 0x0E || !r.Skip(4) || !r.U8(out int count))
        {
            return null;
        }

        var sb = new StringBuilder();
        for (int i = 0; i < count && r.U8(out int id) && r.U8(out int length) && r.Bytes(length, out var value); i++)
        {
            string key = id < ObjectNames.Length ? ObjectNames[id] : "object-" + id.ToString(CultureInfo.InvariantCulture);
            sb.Append(sb.Length == 0 ? "" : " ").Append(key).Append("=\"").Append(S7.S7Items.Printable(value)).Append('"');
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
