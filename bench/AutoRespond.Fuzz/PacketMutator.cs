using System.Buffers.Binary;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutates captured frames, deterministic for its <see cref="Random"/>: a header or length field set to a boundary or
/// off-by-one value (<see cref="LengthFields"/>: IPv4 IHL/total length, TCP data offset, TPKT, COTP, S7, MBAP, DNP3,
/// ENIP, TLS record/handshake/extension lengths, ...), the payload alone mutated with the IP and UDP lengths fixed up
/// so the bytes reach the dissectors, or the whole frame mutated blind (<see cref="ByteMutator"/>).
/// </summary>
public sealed class PacketMutator
{
    private readonly Random _random;
    private readonly ByteMutator _bytes;
    private readonly List<LengthField> _fields = new(64);

    public PacketMutator(Random random)
    {
        _random = random;
        _bytes = new ByteMutator(random);
    }

    /// <summary>One mutation of <paramref name="frame"/>; <paramref name="other"/> is a splice partner.</summary>
    public (byte[] Frame, string Mutation) Mutate(int linkType, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> other)
    {
        bool parsed = PacketLayout.TryParse(linkType, frame, out PacketLayout layout);
        int pick = _random.Next(100);
        if (parsed && pick < 45)
        {
            LengthFields.Find(frame, layout, _fields);
            if (_fields.Count > 0)
            {
                // Application fields are the interesting ones: prefer them when there are any.
                int first = _fields.FindIndex(f => !f.Name.StartsWith("ip", StringComparison.Ordinal)
                    && !f.Name.StartsWith("tcp.", StringComparison.Ordinal) && !f.Name.StartsWith("udp.", StringComparison.Ordinal));
                int index = first >= 0 && _random.Next(4) != 0 ? _random.Next(first, _fields.Count) : _random.Next(_fields.Count);
                LengthField field = _fields[index];
                byte[] copy = frame.ToArray();
                field.Write(copy, BoundaryValue(field.Read(copy), field.Max));
                return (copy, field.Name);
            }
        }

        if (parsed && pick < 75 && layout.PayloadLength > 0)
        {
            (byte[] payload, string name) = _bytes.Mutate(frame[layout.Payload..layout.PayloadEnd], PayloadOf(linkType, other));
            return (WithPayload(frame, layout, payload), "payload." + name["bytes.".Length..]);
        }

        (byte[] data, string mutation) = _bytes.Mutate(frame, other);
        return (data, "frame." + mutation["bytes.".Length..]);
    }

    /// <summary>0, 1, the value ± 1, doubled, halved, the maximum, 0x7F.../0x80..., or random.</summary>
    public uint BoundaryValue(uint current, uint max) => _random.Next(10) switch
    {
        0 => 0,
        1 => 1,
        2 => current - 1,
        3 => current + 1,
        4 => current * 2,
        5 => current / 2,
        6 => max,
        7 => max >> 1,
        8 => (max >> 1) + 1,
        _ => (uint)_random.NextInt64(max + 1L),
    };

    private static ReadOnlySpan<byte> PayloadOf(int linkType, ReadOnlySpan<byte> frame)
        => PacketLayout.TryParse(linkType, frame, out PacketLayout l) && l.PayloadLength > 0 ? frame[l.Payload..l.PayloadEnd] : frame;

    /// <summary>The frame with its payload replaced; IPv4 total length (and checksum), IPv6 and UDP lengths follow.</summary>
    internal static byte[] WithPayload(ReadOnlySpan<byte> frame, in PacketLayout l, ReadOnlySpan<byte> payload)
    {
        int ipLength = l.Payload - l.L3 + payload.Length;
        if (ipLength > 0xFFFF)
        {
            payload = payload[..(0xFFFF - (l.Payload - l.L3))];
            ipLength = 0xFFFF;
        }

        byte[] b = [.. frame[..l.Payload], .. payload];
        if (l.IpVersion == 4)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(l.L3 + 2), (ushort)ipLength);
            int ihl = (b[l.L3] & 0x0F) * 4;
            b[l.L3 + 10] = b[l.L3 + 11] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(l.L3 + 10), HeaderChecksum(b.AsSpan(l.L3, ihl)));
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(l.L3 + 4), (ushort)(ipLength - 40));
        }

        if (l.Protocol == 17)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(l.L4 + 4), (ushort)(8 + payload.Length));
        }

        return b;
    }

    private static ushort HeaderChecksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i + 1 < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
