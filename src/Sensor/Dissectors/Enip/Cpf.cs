using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.Enip;

/// <summary>EtherNet/IP common packet format: items after SendRRData/SendUnitData's handle and timeout, and the
/// ListIdentity reply's identity item (0x000C).</summary>
internal static class Cpf
{
    /// <summary>The data of the first item of <paramref name="type"/> in a SendRRData/SendUnitData body.</summary>
    public static bool Find(ReadOnlySpan<byte> body, int type, out ReadOnlySpan<byte> item)
    {
        item = default;
        return body.Length >= 6 && FindItem(body[6..], type, out item);
    }

    /// <summary>ListIdentity reply (§1.6): product name, vendor, device type, product code, revision, serial.</summary>
    public static string? Identity(ReadOnlySpan<byte> body)
    {
        if (!FindItem(body, 0x000C, out ReadOnlySpan<byte> item))
        {
            return null;
        }

        var i = new SpanReader(item);
        if (!i.Skip(2 + 16) || !i.U16Le(out int vendor) || !i.U16Le(out int deviceType) || !i.U16Le(out int productCode)
            || !i.U8(out int major) || !i.U8(out int minor) || !i.Skip(2) || !i.U32Le(out uint serial))
        {
            return null;
        }

        string name = i.U8(out int length) && i.Bytes(length, out ReadOnlySpan<byte> text)
            ? S7.S7Items.Printable(text) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"product=\"{name}\" vendor={vendor} device-type={deviceType} product-code={productCode} revision={major}.{minor} serial=0x{serial:x8}");
    }

    private static bool FindItem(ReadOnlySpan<byte> items, int type, out ReadOnlySpan<byte> item)
    {
        item = default;
        var r = new SpanReader(items);
        if (!r.U16Le(out int count))
        {
            return false;
        }

        for (int n = 0; n < count && n < 16; n++)
        {
            if (!r.U16Le(out int itemType) || !r.U16Le(out int length) || !r.Bytes(length, out ReadOnlySpan<byte> data))
            {
                return false;
            }

            if (itemType == type)
            {
                item = data;
                return true;
            }
        }

        return false;
    }
}

/// <summary>A CIP request as the event reports it.</summary>
internal sealed record CipRequest(int Service, string Name, string Class, bool Critical, string Detail);

/// <summary>CIP message requests and replies (ODVA CIP Vol. 1): service, EPATH, embedded messages.</summary>
internal static class Cip
{
    /// <summary>The reply's general status (service | 0x80, reserved, status), 0 when the reply is too short to tell.</summary>
    public static int GeneralStatus(ReadOnlySpan<byte> reply) => reply.Length >= 3 && (reply[0] & 0x80) != 0 ? reply[2] : 0;

    public static CipRequest? Describe(ReadOnlySpan<byte> message, string encapsulation, int depth = 0)
    {
        var r = new SpanReader(message);
        if (!r.U8(out int service) || !r.U8(out int words) || !r.Bytes(words * 2, out ReadOnlySpan<byte> path))
        {
            return null;
        }

        string target = Path(path, out int cipClass);
        (string name, string cls, bool critical) = CipNames.Service(service, cipClass);
        string detail = "encap=" + encapsulation + target;
        ReadOnlySpan<byte> data = r.Rest;
        if (service == 0x52 && cipClass == 0x06 && depth < 2 && data.Length >= 4)
        {
            int size = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
            if (data.Length >= 4 + size && Describe(data.Slice(4, size), encapsulation, depth + 1) is { } inner)
            {
                return inner with { Detail = inner.Detail + " via=unconnected-send" };
            }
        }
        else if (service == 0x0A && depth < 2)
        {
            (cls, critical, string services) = Multiple(data, encapsulation, depth);
            detail += " services=" + services;
        }

        return new CipRequest(service, name, cls, critical, detail);
    }

    /// <summary>Multiple Service Packet: the strongest embedded class and "name×count" per embedded service.</summary>
    private static (string Class, bool Critical, string Services) Multiple(ReadOnlySpan<byte> data, string encapsulation, int depth)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        string cls = IcsClass.Read;
        bool critical = false;
        var r = new SpanReader(data);
        if (r.U16Le(out int count))
        {
            for (int i = 0; i < count && i < 64 && r.U16Le(out int offset); i++)
            {
                if (offset < data.Length && Describe(data[offset..], encapsulation, depth + 1) is { } inner)
                {
                    counts[inner.Name] = counts.GetValueOrDefault(inner.Name) + 1;
                    cls = CipNames.Rank(inner.Class) > CipNames.Rank(cls) ? inner.Class : cls;
                    critical |= inner.Critical;
                }
            }
        }

        return (cls, critical, string.Join(',', counts.Select(c => c.Key + "x" + c.Value.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>Class/instance/attribute (8/16-bit logical segments) or a symbolic tag, as " class=0x.. instance=..".</summary>
    private static string Path(ReadOnlySpan<byte> path, out int cipClass)
    {
        cipClass = -1;
        var sb = new StringBuilder();
        bool tagged = false;
        var r = new SpanReader(path);
        while (r.U8(out int segment))
        {
            int value;
            string? label = segment switch
            {
                0x20 or 0x21 => "class",
                0x24 or 0x25 => "instance",
                0x28 or 0x29 => "member",
                0x30 or 0x31 => "attribute",
                _ => null,
            };
            if (label is not null)
            {
                bool wide = (segment & 1) != 0;
                if (!(wide ? r.Skip(1) && r.U16Le(out value) : r.U8(out value)))
                {
                    break;
                }

                cipClass = label == "class" ? value : cipClass;
                sb.Append(' ').Append(label).Append("=0x").Append(value.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (segment == 0x91 && r.U8(out int length) && r.Bytes(length, out ReadOnlySpan<byte> tag))
            {
                sb.Append(tagged ? "." : " tag=").Append(S7.S7Items.Printable(tag));
                tagged = true;
                r.Skip(length & 1);
            }
            else
            {
                break;
            }
        }

        return sb.ToString();
    }
}
