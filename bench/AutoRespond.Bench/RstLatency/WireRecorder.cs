using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Bench.RstLatency;

/// <summary>One TCP segment as the wire port saw it (kernel capture timestamp, UTC ticks).</summary>
internal readonly record struct WireSegment(long Ticks, MacAddress SourceMac, IpAddr Source, IpAddr Destination, ushort SourcePort,
    ushort DestinationPort, uint Sequence, uint Acknowledgment, TcpFlags Flags, int PayloadLength)
{
    public bool IsRst => (Flags & TcpFlags.Rst) != 0;

    /// <summary>The receiver's next expected sequence number once this segment arrived.</summary>
    public uint End => Sequence + (uint)PayloadLength + ((Flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
}

/// <summary>
/// Records every TCP segment on the hub's wire port on its own thread. The timestamps are the kernel's (taken when
/// the frame reached the port), so how fast this thread reads does not change them; the thread only has to keep up.
/// </summary>
internal sealed class WireRecorder : IDisposable
{
    private readonly LiveCaptureSource _capture;
    private readonly List<WireSegment> _segments = new(1 << 16);
    private readonly Thread _thread;
    private volatile bool _stop;

    public WireRecorder(string interfaceName)
    {
        _capture = new LiveCaptureSource(interfaceName, new LiveCaptureOptions { Filter = "tcp", SnapLength = 128, ReadTimeoutMilliseconds = 20 });
        _thread = new Thread(Run) { IsBackground = true, Name = "wire-recorder" };
        _thread.Start();
    }

    /// <summary>Stops recording and returns the segments in capture order, with libpcap's drop count.</summary>
    public (List<WireSegment> Segments, long Dropped) Stop()
    {
        _stop = true;
        _thread.Join();
        var stats = _capture.GetStatistics();
        return (_segments, stats.Dropped + stats.InterfaceDropped);
    }

    private void Run()
    {
        var decoder = new PacketDecoder();
        while (!_stop)
        {
            if (!_capture.TryReadNext(out var packet) || !decoder.TryDecode(packet.LinkType, packet.Data, out var p) || !p.IsTcp) continue;
            _segments.Add(new WireSegment(packet.TimestampTicks, p.SourceMac, p.SourceIp, p.DestinationIp, p.SourcePort, p.DestinationPort,
                p.Sequence, p.Acknowledgment, p.TcpFlags, p.PayloadLength));
        }
    }

    public void Dispose() => _capture.Dispose();
}
