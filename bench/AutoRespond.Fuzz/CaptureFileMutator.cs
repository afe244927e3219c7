using System.Buffers.Binary;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutates pcap and pcapng files with their structure in mind, deterministic for its <see cref="Random"/>: file header
/// fields (magic, version, snap length, link type), record header fields (captured/original length, timestamp), pcapng
/// block type and leading/trailing lengths, section header byte-order magic and version, interface link type, snap
/// length and options (if_tsresol), packet block interface/lengths/timestamp; truncation (anywhere or near a record
/// boundary), blocks deleted or duplicated, garbage appended, and blind byte mutations.
/// </summary>
public sealed class CaptureFileMutator
{
    private static readonly uint[] Magics = [0xA1B2C3D4, 0xD4C3B2A1, 0xA1B23C4D, 0x4D3CB2A1, 0x0A0D0D0A, 0, 0xFFFFFFFF];
    private readonly Random _random;
    private readonly ByteMutator _bytes;
    private readonly List<int> _records = [];

    public CaptureFileMutator(Random random)
    {
        _random = random;
        _bytes = new ByteMutator(random);
    }

    public (byte[] File, string Mutation) Mutate(byte[] file)
    {
        if (file.Length < 24)
        {
            return _bytes.Mutate(file, file);
        }

        bool ng = BinaryPrimitives.ReadUInt32LittleEndian(file) == 0x0A0D0D0A;
        bool big = ng ? BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)) == 0x4D3C2B1A
            : BinaryPrimitives.ReadUInt32LittleEndian(file) is 0xD4C3B2A1 or 0x4D3CB2A1;
        Walk(file, ng, big);
        byte[] b = (byte[])file.Clone();
        int pick = _random.Next(100);
        if (pick < 45 && _records.Count > 0)
        {
            return ng ? Block(b, big) : Record(b, big);
        }

        if (pick < 55)
        {
            return ng ? SectionHeader(b, big) : FileHeader(b, big);
        }

        int at = _records.Count > 0 ? _records[_random.Next(_records.Count)] : 24;
        switch (pick)
        {
            case < 65:
                return (b[.._random.Next(b.Length)], "file.truncate");
            case < 72:
                return (b[..Math.Clamp(at + _random.Next(-4, 17), 0, b.Length)], "file.truncate-near-record");
            case < 77:
                int next = _records.FirstOrDefault(r => r > at, b.Length);
                return ([.. b[..at], .. b[next..]], "file.delete-record");
            case < 82:
                int end = _records.FirstOrDefault(r => r > at, b.Length);
                return ([.. b[..end], .. b[at..end], .. b[end..]], "file.duplicate-record");
            case < 86:
                return (_bytes.Append(b, _random.Next(1, 64)), "file.append-garbage");
            default:
                (byte[] data, string name) = _bytes.Mutate(b, b);
                return (data, "file." + name["bytes.".Length..]);
        }
    }

    private (byte[], string) FileHeader(byte[] b, bool big)
    {
        switch (_random.Next(4))
        {
            case 0:
                BinaryPrimitives.WriteUInt32LittleEndian(b, Magics[_random.Next(Magics.Length)]);
                return (b, "pcap.magic");
            case 1:
                Set(b, 4, big, (uint)_random.Next(0, 5) | ((uint)_random.Next(0, 5) << 16));
                return (b, "pcap.version");
            case 2:
                Set(b, 16, big, Boundary(Get(b, 16, big)));
                return (b, "pcap.snap-length");
            default:
                Set(b, 20, big, LinkType());
                return (b, "pcap.link-type");
        }
    }

    private (byte[], string) Record(byte[] b, bool big)
    {
        int at = _records[_random.Next(_records.Count)];
        if (at + 16 > b.Length)
        {
            return (b[..at], "pcap.record-header-cut");
        }

        (int field, string name) = _random.Next(4) switch
        {
            0 => (0, "pcap.record.ts-seconds"),
            1 => (4, "pcap.record.ts-fraction"),
            2 => (8, "pcap.record.captured-length"),
            _ => (12, "pcap.record.original-length"),
        };
        Set(b, at + field, big, Boundary(Get(b, at + field, big)));
        return (b, name);
    }

    private (byte[], string) SectionHeader(byte[] b, bool big)
    {
        switch (_random.Next(3))
        {
            case 0:
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), _random.Next(3) switch { 0 => 0x4D3C2B1A, 1 => 0x1A2B3C4D, _ => (uint)_random.Next() });
                return (b, "pcapng.shb.byte-order");
            case 1:
                Set16(b, 12, big, (ushort)_random.Next(0, 3));
                return (b, "pcapng.shb.version");
            default:
                Set(b, 16, big, Boundary(Get(b, 16, big)));
                return (b, "pcapng.shb.section-length");
        }
    }

    private (byte[], string) Block(byte[] b, bool big)
    {
        int at = _records[_random.Next(_records.Count)];
        if (at + 12 > b.Length)
        {
            return (b[..at], "pcapng.block-cut");
        }

        uint type = Get(b, at, big);
        uint total = Get(b, at + 4, big);
        int pick = _random.Next(10);
        switch (pick)
        {
            case 0:
                Set(b, at, big, _random.Next(3) == 0 ? (uint)_random.Next() : (uint)_random.Next(0, 8));
                return (b, "pcapng.block-type");
            case 1:
                Set(b, at + 4, big, Boundary(total));
                return (b, "pcapng.block-length");
            case 2 when at + total <= b.Length && total >= 12:
                Set(b, at + (int)total - 4, big, Boundary(total));
                return (b, "pcapng.trailing-length");
        }

        int body = at + 8;
        if (type == 1 && body + 8 <= b.Length)
        {
            switch (pick % 3)
            {
                case 0:
                    Set16(b, body, big, (ushort)LinkType());
                    return (b, "pcapng.idb.link-type");
                case 1:
                    Set(b, body + 4, big, Boundary(Get(b, body + 4, big)));
                    return (b, "pcapng.idb.snap-length");
                default:
                    return (IdbOption(b, body + 8, at + (int)Math.Min(total, (uint)(b.Length - at)) - 4, big), "pcapng.idb.option");
            }
        }

        if (type is 6 or 2 && body + 20 <= b.Length)
        {
            int field = (pick % 4) switch { 0 => 0, 1 => 4, 2 => 12, _ => 16 };
            string name = field switch { 0 => "interface", 4 => "timestamp", 12 => "captured-length", _ => "original-length" };
            Set(b, body + field, big, Boundary(Get(b, body + field, big)));
            return (b, "pcapng.packet." + name);
        }

        Set(b, at + 4, big, Boundary(total));
        return (b, "pcapng.block-length");
    }

    private byte[] IdbOption(byte[] b, int opt, int end, bool big)
    {
        if (opt + 4 > end)
        {
            return b;
        }

        if (_random.Next(2) == 0)
        {
            Set16(b, opt, big, (ushort)(_random.Next(2) == 0 ? 9 : _random.Next(0, 16)));
            Set16(b, opt + 2, big, (ushort)Boundary(1, 0xFFFF));
        }
        else if (opt + 5 <= end)
        {
            Set16(b, opt, big, 9); // if_tsresol, the value byte set to an edge: 0, 0x7F, 0x80, 0xFF, ...
            b[opt + 4] = ByteMutator.Boundaries[_random.Next(ByteMutator.Boundaries.Length)];
        }

        return b;
    }

    private void Walk(byte[] b, bool ng, bool big)
    {
        _records.Clear();
        int at = ng ? 0 : 24;
        while (at + (ng ? 12 : 16) <= b.Length && _records.Count < 100_000)
        {
            _records.Add(at);
            long step = ng ? Get(b, at + 4, big) : 16L + Get(b, at + 8, big);
            if (step < 12 || at + step > b.Length)
            {
                break;
            }

            at += (int)step;
        }
    }

    private uint LinkType()
    {
        int[] types = [0, 1, 12, 14, 101, 108, 113, 228, 229, 276, 105, 127, 0xFFFF, 65000];
        return (uint)types[_random.Next(types.Length)];
    }

    private uint Boundary(uint current, uint max = uint.MaxValue) => _random.Next(11) switch
    {
        0 => 0,
        1 => 1,
        2 => current - 1,
        3 => current + 1,
        4 => max,
        5 => max >> 1,
        6 => (max >> 1) + 1,
        7 => 256 * 1024 + 1,
        8 => current + 4,
        9 => current * 2,
        _ => (uint)_random.NextInt64(max + 1L),
    };

    private static uint Get(byte[] b, int at, bool big)
        => big ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));

    private static void Set(byte[] b, int at, bool big, uint v)
    {
        if (big) BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at), v); else BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), v);
    }

    private static void Set16(byte[] b, int at, bool big, ushort v)
    {
        if (big) BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(at), v); else BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), v);
    }
}
