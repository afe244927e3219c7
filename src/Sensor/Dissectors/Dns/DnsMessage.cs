using System.Buffers.Binary;
using System.Text;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Dissectors.Dns;

/// <summary>
/// The parts of a DNS message (RFC 1035 §4) the sensor needs: the header flags, the first question, and the A, AAAA
/// and CNAME records of the answer section. Names follow compression pointers (RFC 1035 §4.1.4) with a bound on jumps
/// and length, so a hostile message cannot loop; anything out of bounds makes <see cref="TryParse"/> return false.
/// </summary>
internal sealed class DnsMessage
{
    private const int MaxJumps = 16;
    private const int MaxNameLength = 255;
    private const int MaxAnswers = 64;

    public int Id { get; private set; }

    public bool IsResponse { get; private set; }

    public int Opcode { get; private set; }

    public int Rcode { get; private set; }

    public string Query { get; private set; } = "";

    public int QueryType { get; private set; }

    public List<IpAddr> Addresses { get; } = [];

    public List<string> Names { get; } = [];

    /// <summary>Smallest TTL of the A, AAAA and CNAME records read (0 when none).</summary>
    public uint Ttl { get; private set; }

    public static bool TryParse(ReadOnlySpan<byte> m, out DnsMessage message)
    {
        message = new DnsMessage();
        if (m.Length < 12) return false;
        int flags = BinaryPrimitives.ReadUInt16BigEndian(m[2..]);
        message.Id = BinaryPrimitives.ReadUInt16BigEndian(m);
        message.IsResponse = (flags & 0x8000) != 0;
        message.Opcode = (flags >> 11) & 0x0F;
        message.Rcode = flags & 0x0F;
        int questions = BinaryPrimitives.ReadUInt16BigEndian(m[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(m[6..]);
        int at = 12;
        for (int q = 0; q < questions; q++)
        {
            if (!ReadName(m, ref at, out string name) || at + 4 > m.Length) return false;
            if (q == 0)
            {
                message.Query = name;
                message.QueryType = BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
            }
            at += 4;
        }

        uint ttl = uint.MaxValue;
        for (int a = 0; a < Math.Min(answers, MaxAnswers); a++)
        {
            if (!ReadName(m, ref at, out _) || at + 10 > m.Length) return false;
            int type = BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
            int klass = BinaryPrimitives.ReadUInt16BigEndian(m[(at + 2)..]);
            uint recordTtl = BinaryPrimitives.ReadUInt32BigEndian(m[(at + 4)..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(m[(at + 8)..]);
            at += 10;
            if (at + length > m.Length) return false;
            var data = m.Slice(at, length);
            bool used = false;
            if ((klass & 0x7FFF) == 1)
            {
                if (type == 1 && length == 4)
                {
                    message.Addresses.Add(IpAddr.ReadV4(data));
                    used = true;
                }
                else if (type == 28 && length == 16)
                {
                    message.Addresses.Add(IpAddr.ReadV6(data));
                    used = true;
                }
                else if (type == 5)
                {
                    int nameAt = at;
                    if (!ReadName(m, ref nameAt, out string target)) return false;
                    message.Names.Add(target);
                    used = true;
                }
            }

            if (used) ttl = Math.Min(ttl, recordTtl);
            at += length;
        }

        message.Ttl = ttl == uint.MaxValue ? 0 : ttl;
        return true;
    }

    /// <summary>The RCODE as dig and Zeek spell it.</summary>
    public static string RcodeName(int rcode) => rcode switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => "RCODE" + rcode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The QTYPE mnemonic for the common types, else TYPE + number (RFC 3597).</summary>
    public static string TypeName(int type) => type switch
    {
        1 => "A",
        2 => "NS",
        5 => "CNAME",
        6 => "SOA",
        12 => "PTR",
        15 => "MX",
        16 => "TXT",
        28 => "AAAA",
        33 => "SRV",
        65 => "HTTPS",
        255 => "ANY",
        _ => "TYPE" + type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a possibly compressed name at <paramref name="at"/>, which moves past it (not past pointer targets).</summary>
    private static bool ReadName(ReadOnlySpan<byte> m, ref int at, out string name)
    {
        name = "";
        var text = new StringBuilder();
        int position = at, jumps = 0, length = 0;
        bool jumped = false;
        while (true)
        {
            if (position >= m.Length) return false;
            int label = m[position];
            if (label == 0)
            {
                if (!jumped) at = position + 1;
                break;
            }

            if ((label & 0xC0) == 0xC0)
            {
                if (position + 1 >= m.Length || ++jumps > MaxJumps) return false;
                int target = ((label & 0x3F) << 8) | m[position + 1];
                if (!jumped) at = position + 2;
                jumped = true;
                position = target;
                continue;
            }

            if ((label & 0xC0) != 0 || position + 1 + label > m.Length) return false;
            length += label + 1;
            if (length > MaxNameLength) return false;
            if (text.Length > 0) text.Append('.');
            foreach (byte b in m.Slice(position + 1, label))
                text.Append(b is >= 0x21 and <= 0x7E ? char.ToLowerInvariant((char)b) : '?');
            position += 1 + label;
        }

        name = text.ToString();
        return true;
    }
}
