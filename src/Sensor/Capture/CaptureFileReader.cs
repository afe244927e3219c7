using System.Buffers.Binary;

namespace AutoRespond.Sensor.Capture;

/// <summary>The container format of a capture file.</summary>
public enum CaptureFormat
{
    Pcap,
    PcapNg,
}

/// <summary>
/// A managed reader for classic pcap (µs and ns, either byte order) and pcapng (SHB of either byte order,
/// IDB with link type and if_tsresol/if_tsoffset, EPB, SPB, OPB, unknown blocks skipped, several sections).
/// It reads a <see cref="FileStream"/> through one reusable buffer: no allocation per packet.
/// </summary>
public sealed partial class CaptureFileReader : IDisposable
{
    /// <summary>Largest captured length accepted for one packet; larger values mean a corrupt file.</summary>
    public const int MaxCaptureLength = 256 * 1024;

    private const int MaxBufferSize = 4 * 1024 * 1024;
    private const int MinBufferSize = 64 * 1024;

    private readonly FileStream _stream;
    private readonly long _fileLength;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private long _bufferFileOffset;
    private bool _bigEndian;

    private int _curOffset;
    private int _curLength;
    private int _curOrigLength;
    private int _curLinkType;
    private int _curInterface;
    private long _curTicks;

    private CaptureFileReader(FileStream stream, string name)
    {
        _stream = stream;
        FileName = name;
        _fileLength = stream.Length;
        _buffer = new byte[(int)Math.Clamp(_fileLength, MinBufferSize, MaxBufferSize)];
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>pcap or pcapng.</summary>
    public CaptureFormat Format { get; private set; }

    /// <summary>Link type of a classic pcap file, or of the first pcapng interface seen (-1 before any).</summary>
    public int LinkType { get; private set; } = -1;

    /// <summary>Packets returned so far.</summary>
    public long PacketsRead { get; private set; }

    /// <summary>Opens a capture file and reads its file or section header.</summary>
    /// <exception cref="CaptureException">Missing, not a file, empty, or not pcap/pcapng.</exception>
    public static CaptureFileReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        if (Directory.Exists(path))
        {
            throw new CaptureException($"{path}: not a file (it is a directory)");
        }

        if (!File.Exists(path))
        {
            throw new CaptureException($"{path}: no such file");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CaptureException($"{name}: cannot open: {ex.Message}", ex);
        }

        var reader = new CaptureFileReader(stream, name);
        try
        {
            reader.ReadFileHeader();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next packet. Returns false at a clean end of file.</summary>
    /// <exception cref="CaptureException">The file is corrupt or truncated; every complete packet before
    /// the damage has been returned first.</exception>
    public bool TryReadNext(out RawPacket packet)
    {
        if (!Advance())
        {
            packet = default;
            return false;
        }

        packet = Current;
        return true;
    }

    /// <summary>The packet read by the last successful <see cref="Advance"/>.</summary>
    internal RawPacket Current =>
        new(_curTicks, _curLinkType, _curOrigLength, _buffer.AsSpan(_curOffset, _curLength), _curInterface);

    internal long CurrentTicks => _curTicks;

    /// <summary>Moves to the next packet, keeping it in <see cref="Current"/>.</summary>
    internal bool Advance()
    {
        bool ok = Format == CaptureFormat.Pcap ? NextPcapRecord() : NextPcapNgPacket();
        if (ok)
        {
            PacketsRead++;
        }

        return ok;
    }

    public void Dispose() => _stream.Dispose();

    private void ReadFileHeader()
    {
        if (_fileLength == 0)
        {
            throw new CaptureException($"{FileName}: empty file");
        }

        if (!EnsureAvailable(4))
        {
            throw new CaptureException($"{FileName}: too short for a capture file ({_fileLength} bytes)");
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_pos));
        if (magic == PcapNgBlockShb)
        {
            Format = CaptureFormat.PcapNg;
            ReadFirstSectionHeader();
        }
        else
        {
            Format = CaptureFormat.Pcap;
            ReadPcapHeader(magic);
        }
    }

    private long Offset => _bufferFileOffset + _pos;

    private int Available => _end - _pos;

    private long Remaining => _fileLength - Offset;

    private uint U32(int at) => _bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(at, 4))
        : BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(at, 4));

    private ushort U16(int at) => _bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(at, 2))
        : BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(at, 2));

    /// <summary>Makes <paramref name="count"/> bytes available at <see cref="_pos"/>; false if the file ends first.</summary>
    private bool EnsureAvailable(int count)
    {
        if (_end - _pos >= count)
        {
            return true;
        }

        if (count > Remaining)
        {
            return false;
        }

        FillTo(count);
        return _end - _pos >= count;
    }

    private void FillTo(int count)
    {
        if (count > _buffer.Length)
        {
            var bigger = new byte[count];
            Buffer.BlockCopy(_buffer, _pos, bigger, 0, _end - _pos);
            _buffer = bigger;
            _bufferFileOffset += _pos;
            _end -= _pos;
            _pos = 0;
        }
        else if (_pos > 0 && _buffer.Length - _pos < count)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _bufferFileOffset += _pos;
            _end -= _pos;
            _pos = 0;
        }

        while (_end - _pos < count)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read <= 0)
            {
                break;
            }

            _end += read;
        }
    }

    /// <summary>Consumes <paramref name="count"/> bytes, seeking past what is not buffered.</summary>
    private void Skip(long count)
    {
        if (count <= Available)
        {
            _pos += (int)count;
            return;
        }

        long beyond = count - Available;
        _bufferFileOffset += _end + beyond;
        _pos = _end = 0;
        _stream.Seek(_bufferFileOffset, SeekOrigin.Begin);
    }

    private CaptureException Error(string what) => new($"{FileName}: {what}");
}
