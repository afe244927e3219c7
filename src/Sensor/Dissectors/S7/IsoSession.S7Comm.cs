using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.S7;

/// <summary>
/// S7comm (protocol id 0x32, DETECTION.md §1.2): Job and Userdata requests are classified and held by PDU reference;
/// the Ack/Ack_Data or Userdata response with the same reference gives the outcome (header error class/code, item
/// return codes 0xFF, Userdata error code and data return code).
/// </summary>
internal sealed partial class IsoSession
{
    private const string S7 = "s7comm";

    private void OnS7Comm(ReadOnlySpan<byte> pdu, long ticks)
    {
        int rosctr = pdu.Length >= 10 ? pdu[1] : 0;
        int headerLength = rosctr is 2 or 3 ? 12 : 10;
        if (rosctr is < 1 or > 7 || pdu.Length < headerLength)
        {
            CountMalformed();
            return;
        }

        int reference = BinaryPrimitives.ReadUInt16BigEndian(pdu[4..]);
        int parameterLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[6..]);
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[8..]);
        if (headerLength + parameterLength + dataLength > pdu.Length)
        {
            CountMalformed();
            return;
        }

        Service = Services.CotpS7;
        ReadOnlySpan<byte> parameters = pdu.Slice(headerLength, parameterLength);
        ReadOnlySpan<byte> data = pdu.Slice(headerLength + parameterLength, dataLength);
        switch (rosctr)
        {
            case 1 when parameters.Length >= 1:
                OnJob(reference, parameters, data, ticks);
                break;
            case 2 or 3:
                OnAck(reference, pdu[10], pdu[11], parameters, data);
                break;
            case 7 when parameters.Length >= 8 && parameters[..3].SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x01, 0x12]):
                OnUserdata(reference, parameters, data, ticks);
                break;
            case 1 or 7:
                CountMalformed();
                break;
        }
    }

    private void OnJob(int reference, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, long ticks)
    {
        int function = parameters[0];
        (string name, string cls, bool critical) = S7Names.Job(function);
        string? detail = null;
        switch (function)
        {
            case 0xF0 when parameters.Length >= 8:
                detail = "pdu-size=" + BinaryPrimitives.ReadUInt16BigEndian(parameters[6..]).ToString(CultureInfo.InvariantCulture);
                break;
            case 0x04 or 0x05:
                detail = S7Items.Describe(parameters);
                break;
            case >= 0x1A and <= 0x1F:
                detail = S7Items.BlockTransfer(parameters);
                break;
            case 0x28 or 0x29:
                detail = PiName(function, parameters, out string? pi);
                if (function == 0x28 && pi is not null)
                {
                    (cls, critical) = S7Names.PiService(pi);
                }

                break;
        }

        Await(Key(1, reference), new IcsRequest(ticks, S7, cls, name, function, detail, critical));
    }

    private void OnAck(int reference, int errorClass, int errorCode, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data)
    {
        if (!IsPending(Key(1, reference)))
        {
            return;
        }

        if (errorClass != 0 || errorCode != 0)
        {
            Complete(Key(1, reference), IcsClass.Failure, "error=" + S7Names.Hex((errorClass << 8) | errorCode));
            return;
        }

        int failedItem = parameters.Length >= 2 && parameters[0] is 0x04 or 0x05
            ? S7Items.FirstFailedItem(parameters[0], parameters[1], data) : -1;
        Complete(Key(1, reference), failedItem < 0 ? IcsClass.Success : IcsClass.Failure,
            failedItem < 0 ? null : "item-error=" + S7Names.Hex(failedItem));
    }

    private void OnUserdata(int reference, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, long ticks)
    {
        int type = parameters[5] >> 6, group = parameters[5] & 0x3F, sub = parameters[6];
        if (type == 1)
        {
            (string name, string cls, bool critical) = S7Names.Userdata(group, sub);
            string? detail = (group, sub) switch
            {
                _ when parameters.Length >= 12 => "continuation", // "more data" follow-up of a fragmented response
                (4, 0x01) when data.Length >= 8 => "szl=0x" + Hex4(BinaryPrimitives.ReadUInt16BigEndian(data[4..]))
                    + " index=0x" + Hex4(BinaryPrimitives.ReadUInt16BigEndian(data[6..])),
                (3, 0x02) or (3, 0x03) when data.Length >= 6 => S7Items.BlockArgument(data[4..]),
                _ => null,
            };
            Await(Key(2, reference), new IcsRequest(ticks, S7, cls, name, (group << 8) | sub, detail, critical));
        }
        else if (type == 2 && parameters.Length >= 12)
        {
            int error = BinaryPrimitives.ReadUInt16BigEndian(parameters[10..]);
            int returnCode = data.Length >= 1 ? data[0] : 0xFF;
            bool ok = error == 0 && returnCode == 0xFF;
            Complete(Key(2, reference), ok ? IcsClass.Success : IcsClass.Failure,
                ok ? null : error != 0 ? "error=" + S7Names.Hex(error) : "return-code=" + S7Names.Hex(returnCode));
        }
    }

    /// <summary>PI name of a PI-Service (0x28: 7 bytes, u16 parameter-block length, block, u8 name length, name)
    /// or PLC Stop (0x29: 5 bytes, u8 name length, name); the detail text, or null when malformed.</summary>
    private static string? PiName(int function, ReadOnlySpan<byte> parameters, out string? name)
    {
        name = null;
        var r = new SpanReader(parameters);
        ReadOnlySpan<byte> block = default;
        if (function == 0x28 ? !r.Skip(8) || !r.U16(out int blockLength) || !r.Bytes(blockLength, out block) : !r.Skip(6))
        {
            return null;
        }

        if (!r.U8(out int nameLength) || !r.Bytes(nameLength, out ReadOnlySpan<byte> text))
        {
            return null;
        }

        name = Encoding.ASCII.GetString(text);
        string args = S7Items.Printable(block).Trim();
        return args.Length == 0 ? "pi=" + name : "pi=" + name + " args=" + args;
    }

    private static string Hex4(int value) => value.ToString("x4", CultureInfo.InvariantCulture);

    private static ulong Key(int kind, int reference) => ((ulong)kind << 16) | (uint)reference;
}
