namespace AutoRespond.Sensor.Capture;

public sealed partial class CaptureFileReader
{
    private const int PcapFileHeaderLength = 24;
    private const int PcapRecordHeaderLength = 16;

    private bool _nanosecond;
    private int _pcapLinkType;

    private void ReadPcapHeader(uint magicLittleEndian)
    {
        switch (magicLittleEndian)
        {
            case 0xA1B2C3D4: _bigEndian = false; _nanosecond = false; break;
            case 0xD4C3B2A1: _bigEndian = true; _nanosecond = false; break;
            case 0xA1B23C4D: _bigEndian = false; _nanosecond = true; break;
            case 0x4D3CB2A1: _bigEndian = true; _nanosecond = true; break;
            default:
                throw Error($"not a pcap or pcapng file (magic 0x{magicLittleEndian:x8} at byte 0)");
        }

        if (!EnsureAvailable(PcapFileHeaderLength))
        {
            throw Error($"truncated pcap file header at byte 0: {PcapFileHeaderLength} bytes needed, {Remaining} present");
        }

        _pcapLinkType = (int)(U32(_pos + 20) & 0xFFFF);
        LinkType = _pcapLinkType;
        _pos += PcapFileHeaderLength;
    }

    private bool NextPcapRecord()
    {
        long packetNumber = PacketsRead + 1;
        if (!EnsureAvailable(PcapRecordHeaderLength))
        {
            if (Remaining == 0)
            {
                return false;
            }

            throw Error($"truncated packet header at byte {Offset} (packet {packetNumber}): "
                + $"{PcapRecordHeaderLength} bytes needed, {Remaining} remain");
        }

        uint seconds = U32(_pos);
        uint fraction = U32(_pos + 4);
        uint capLength = U32(_pos + 8);
        uint origLength = U32(_pos + 12);
        if (capLength > MaxCaptureLength)
        {
            throw Error($"absurd packet length {capLength} at byte {Offset} (packet {packetNumber}): "
                + $"limit is {MaxCaptureLength}");
        }

        if (!EnsureAvailable(PcapRecordHeaderLength + (int)capLength))
        {
            throw Error($"truncated packet record at byte {Offset} (packet {packetNumber}): "
                + $"header says {capLength} bytes, {Math.Max(0, Remaining - PcapRecordHeaderLength)} remain");
        }

        _curTicks = Timestamps.FromUnix(seconds, fraction, _nanosecond ? 9 : 6);
        _curLinkType = _pcapLinkType;
        _curInterface = 0;
        _curOffset = _pos + PcapRecordHeaderLength;
        _curLength = (int)capLength;
        _curOrigLength = (int)Math.Clamp(origLength, capLength, int.MaxValue);
        _pos += PcapRecordHeaderLength + (int)capLength;
        return true;
    }
}
