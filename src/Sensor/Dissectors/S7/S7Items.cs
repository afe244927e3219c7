using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.S7;

/// <summary>Details of S7comm parameters: variable addresses, block filenames, item return codes.</summary>
internal static class S7Items
{
    private const int MaxItemsShown = 4;

    /// <summary>
    /// Read/Write Var items in Siemens notation with the element count, e.g. <c>items=2 DB1.DBB0[10] MX5.1[1]</c>
    /// (S7ANY addresses; other syntax ids are named).
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> parameters)
    {
        int count = parameters.Length >= 2 ? parameters[1] : 0;
        var sb = new StringBuilder("items=").Append(count);
        var r = new SpanReader(parameters[Math.Min(2, parameters.Length)..]);
        for (int i = 0; i < count && i < MaxItemsShown; i++)
        {
            if (!r.U8(out int spec) || !r.U8(out int length) || !r.Bytes(length, out ReadOnlySpan<byte> item) || spec != 0x12)
            {
                sb.Append(" malformed");
                break;
            }

            sb.Append(' ').Append(item.Length >= 10 && item[0] == 0x10 ? Address(item) : "syntax=" + S7Names.Hex(item.IsEmpty ? 0 : item[0]));
        }

        return count > MaxItemsShown ? sb.Append(" ...").ToString() : sb.ToString();
    }

    /// <summary>Block transfer jobs (0x1A–0x1F): status, session id and the block from the filename.</summary>
    public static string? BlockTransfer(ReadOnlySpan<byte> parameters)
    {
        var r = new SpanReader(parameters);
        if (!r.Skip(1) || !r.U8(out int status) || !r.Skip(2) || !r.U32(out uint session))
        {
            return parameters.Length >= 2 ? "status=" + S7Names.Hex(parameters[1]) : null;
        }

        string text = "status=" + S7Names.Hex(status) + " session=" + session.ToString(CultureInfo.InvariantCulture);
        if (r.U8(out int nameLength) && r.Bytes(nameLength, out ReadOnlySpan<byte> name))
        {
            string file = Printable(name);
            text += " file=" + file + Block(file);
            if (r.U8(out int partLength) && r.Bytes(partLength, out ReadOnlySpan<byte> part) && part.Length >= 13)
            {
                text += " load-length=" + Printable(part[1..7]).TrimStart('0') + " mc7-length=" + Printable(part[7..13]).TrimStart('0');
            }
        }

        return text;
    }

    /// <summary>Block functions' argument: a block type (2 chars) or type + number + filesystem.</summary>
    public static string? BlockArgument(ReadOnlySpan<byte> data)
    {
        string text = Printable(data.Length > 8 ? data[..8] : data);
        return text.Length switch
        {
            >= 7 => "block=" + S7Names.BlockType(text.AsSpan(0, 2)) + Number(text.AsSpan(2, 5)),
            >= 2 => "type=" + S7Names.BlockType(text.AsSpan(0, 2)),
            _ => null,
        };
    }

    /// <summary>The first item return code ≠ 0xFF in a Read/Write Var response, or -1 when all succeeded.</summary>
    public static int FirstFailedItem(int function, int count, ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        for (int i = 0; i < count; i++)
        {
            if (!r.U8(out int code))
            {
                return -1;
            }

            if (code != 0xFF)
            {
                return code;
            }

            if (function == 0x05)
            {
                continue; // write responses carry only the return codes
            }

            if (!r.U8(out int transport) || !r.U16(out int length))
            {
                return -1;
            }

            int bytes = transport is 0x03 or 0x04 or 0x05 ? (length + 7) / 8 : length;
            if (!r.Skip(bytes) || (i + 1 < count && bytes % 2 == 1 && !r.Skip(1)))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>ASCII with unprintable bytes dropped.</summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            if (b is >= 0x20 and < 0x7F)
            {
                sb.Append((char)b);
            }
        }

        return sb.ToString();
    }

    /// <summary>" block=OB1 fs=active" from a 9-character filename like <c>_0800001A</c>.</summary>
    private static string Block(string file)
    {
        if (file.Length < 9 || file[0] is not ('_' or '$'))
        {
            return "";
        }

        string fs = file[8] switch { 'P' => "passive", 'A' => "active", 'B' => "both", _ => file[8].ToString() };
        return " block=" + S7Names.BlockType(file.AsSpan(1, 2)) + Number(file.AsSpan(3, 5)) + " fs=" + fs;
    }

    private static string Number(ReadOnlySpan<char> digits)
        => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n.ToString(CultureInfo.InvariantCulture) : digits.ToString();

    /// <summary>S7ANY item (after 0x12 0x0A): syntax, transport size, count, DB, area, address (byte·8 + bit).</summary>
    private static string Address(ReadOnlySpan<byte> item)
    {
        int transport = item[1], count = BinaryPrimitives.ReadUInt16BigEndian(item[2..]);
        int db = BinaryPrimitives.ReadUInt16BigEndian(item[4..]), area = item[6];
        int address = (item[7] << 16) | (item[8] << 8) | item[9];
        int byteOffset = address >> 3, bit = address & 7;
        char size = transport switch { 0x01 => 'X', 0x02 or 0x03 => 'B', 0x04 or 0x05 => 'W', 0x06 or 0x07 or 0x08 => 'D', _ => 'B' };
        string areaName = S7Names.Area(area);
        string location = area switch
        {
            0x84 or 0x85 => string.Create(CultureInfo.InvariantCulture, $"{areaName}{db}.DB{size}{byteOffset}"),
            0x1C or 0x1D => string.Create(CultureInfo.InvariantCulture, $"{areaName}{address}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{areaName}{size}{byteOffset}"),
        };
        if (size == 'X' && area is not (0x1C or 0x1D))
        {
            location += "." + bit.ToString(CultureInfo.InvariantCulture);
        }

        return location + "[" + count.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
