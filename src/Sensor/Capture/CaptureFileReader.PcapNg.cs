using System.Buffers.Binary;

namespace AutoRespond.Sensor.Capture;

public sealed partial class CaptureFileReader
{
    private const uint PcapNgBlockShb = 0x0A0D0D0A;
    private const uint BlockIdb = 1;
    private const uint BlockOpb = 2;
    private const uint BlockSpb = 3;
    private const uint BlockEpb = 6;
    private const int MaxHeaderBlockLength = 16 * 1024 * 1024;
    private const int MaxPacketBlockLength = MaxCaptureLength + 64 * 1024;

    private PcapNgInterface[] _interfaces = new PcapNgInterface[4];
    private int _interfaceCount;
    private long _lastTicks;

    private readonly record struct PcapNgInterface(int LinkType, int SnapLength, byte Resolution, long OffsetSeconds);

    private void ReadFirstSectionHeader()
    {
        if (!ReadBlock(out uint type, out int length, out long at) || type != PcapNgBlockShb)
        {
            throw Error("not a pcap or pcapng file (no section header at byte 0)");
        }

        ReadSectionHeader(length, at);
    }

    private bool NextPcapNgPacket()
    {
        while (ReadBlock(out uint type, out int length, out long at))
        {
            int body = _pos + 8;
            int bodyLength = length - 12;
            switch (type)
            {
                case PcapNgBlockShb:
                    ReadSectionHeader(length, at);
                    continue;
                case BlockIdb:
                    ReadInterface(body, bodyLength, at);
                    break;
                case BlockEpb when bodyLength >= 20:
                    SetPacket(at, (int)U32(body), ((ulong)U32(body + 4) << 32) | U32(body + 8),
                        U32(body + 12), U32(body + 16), body + 20, bodyLength - 20);
                    _pos += length;
                    return true;
                case BlockOpb when bodyLength >= 20:
                    SetPacket(at, U16(body), ((ulong)U32(body + 4) << 32) | U32(body + 8),
                        U32(body + 12), U32(body + 16), body + 20, bodyLength - 20);
                    _pos += length;
                    return true;
                case BlockSpb when bodyLength >= 4:
                    SetSimplePacket(at, U32(body), body + 4, bodyLength - 4);
                    _pos += length;
                    return true;
                case BlockEpb or BlockOpb or BlockSpb:
                    throw Error($"packet block too short ({length} bytes) at byte {at} (packet {PacketsRead + 1})");
            }

            _pos += length;
        }

        return false;
    }

    /// <summary>Loads the next whole block at <see cref="_pos"/>. False at a clean end of file.</summary>
    private bool ReadBlock(out uint type, out int length, out long at)
    {
        at = Offset;
        type = 0;
        length = 0;
        if (!EnsureAvailable(8))
        {
            if (Remaining == 0)
            {
                return false;
            }

            throw Error($"truncated block header at byte {at}: 8 bytes needed, {Remaining} remain");
        }

        type = U32(_pos);
        if (type == PcapNgBlockShb)
        {
            if (!EnsureAvailable(12))
            {
                throw Error($"truncated section header at byte {at}: 12 bytes needed, {Remaining} remain");
            }

            uint bom = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_pos + 8, 4));
            _bigEndian = bom switch
            {
                0x1A2B3C4D => false,
                0x4D3C2B1A => true,
                _ => throw Error($"bad pcapng byte-order magic 0x{bom:x8} at byte {at + 8}"),
            };
        }

        uint total = U32(_pos + 4);
        bool packetBlock = type is BlockEpb or BlockSpb or BlockOpb;
        int limit = packetBlock ? MaxPacketBlockLength : MaxHeaderBlockLength;
        if (total < 12 || total % 4 != 0)
        {
            throw Error($"bad block length {total} at byte {at} (block type 0x{type:x})");
        }

        if (total > limit)
        {
            if (!packetBlock && type != PcapNgBlockShb && type != BlockIdb && total <= Remaining)
            {
                Skip(total); // a large block we do not read anyway
                return ReadBlock(out type, out length, out at);
            }

            throw Error($"absurd block length {total} at byte {at} (block type 0x{type:x}): limit is {limit}");
        }

        length = (int)total;
        if (!EnsureAvailable(length))
        {
            throw Error($"truncated block at byte {at} (block type 0x{type:x}, packet {PacketsRead + 1}): "
                + $"header says {length} bytes, {Remaining} remain");
        }

        if (U32(_pos + length - 4) != total)
        {
            throw Error($"block length mismatch at byte {at}: leading {total}, trailing {U32(_pos + length - 4)}");
        }

        return true;
    }

    private void ReadSectionHeader(int length, long at)
    {
        if (length < 28)
        {
            throw Error($"section header too short ({length} bytes) at byte {at}");
        }

        ushort major = U16(_pos + 12);
        if (major != 1)
        {
            throw Error($"unsupported pcapng version {major}.{U16(_pos + 14)} at byte {at}");
        }

        _interfaceCount = 0;
        _pos += length;
    }

    private void ReadInterface(int body, int bodyLength, long at)
    {
        if (bodyLength < 8)
        {
            throw Error($"interface description too short at byte {at}");
        }

        int linkType = U16(body);
        int snap = (int)Math.Min(U32(body + 4), int.MaxValue);
        byte resolution = 6;
        long offsetSeconds = 0;
        int opt = body + 8, end = body + bodyLength;
        while (opt + 4 <= end)
        {
            int code = U16(opt), len = U16(opt + 2);
            if (code == 0 || opt + 4 + len > end)
            {
                break;
            }

            if (code == 9 && len >= 1)
            {
                resolution = _buffer[opt + 4];
            }
            else if (code == 14 && len >= 8)
            {
                offsetSeconds = (long)((ulong)U32(_bigEndian ? opt + 4 : opt + 8) << 32 | U32(_bigEndian ? opt + 8 : opt + 4));
            }

            opt += 4 + ((len + 3) & ~3);
        }

        if (_interfaceCount == _interfaces.Length)
        {
            Array.Resize(ref _interfaces, _interfaces.Length * 2);
        }

        _interfaces[_interfaceCount++] = new PcapNgInterface(linkType, snap, resolution, offsetSeconds);
        if (LinkType < 0)
        {
            LinkType = linkType;
        }
    }

    private void SetPacket(long at, int iface, ulong units, uint capLength, uint origLength, int data, int room)
    {
        long packetNumber = PacketsRead + 1;
        if (iface < 0 || iface >= _interfaceCount)
        {
            throw Error($"packet for undeclared interface {iface} at byte {at} (packet {packetNumber})");
        }

        if (capLength > MaxCaptureLength)
        {
            throw Error($"absurd packet length {capLength} at byte {at} (packet {packetNumber}): limit is {MaxCaptureLength}");
        }

        if (capLength > room)
        {
            throw Error($"packet length {capLength} exceeds its block at byte {at} (packet {packetNumber}): {room} bytes of room");
        }

        PcapNgInterface info = _interfaces[iface];
        _curTicks = _lastTicks = Timestamps.FromPcapNg(units, info.Resolution, info.OffsetSeconds);
        _curLinkType = info.LinkType;
        _curInterface = iface;
        _curOffset = data;
        _curLength = (int)capLength;
        _curOrigLength = (int)Math.Clamp(origLength, capLength, int.MaxValue);
    }

    private void SetSimplePacket(long at, uint origLength, int data, int room)
    {
        if (_interfaceCount == 0)
        {
            throw Error($"simple packet block without an interface at byte {at} (packet {PacketsRead + 1})");
        }

        PcapNgInterface info = _interfaces[0];
        long cap = Math.Min(origLength, (long)room);
        if (info.SnapLength > 0)
        {
            cap = Math.Min(cap, info.SnapLength);
        }

        cap = Math.Min(cap, MaxCaptureLength);
        _curTicks = _lastTicks; // SPB carries no timestamp: reuse the previous packet's
        _curLinkType = info.LinkType;
        _curInterface = 0;
        _curOffset = data;
        _curLength = (int)cap;
        _curOrigLength = (int)Math.Clamp(origLength, cap, int.MaxValue);
    }
}
