using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using BenchmarkDotNet.Attributes;

namespace AutoRespond.Bench;

/// <summary>
/// Allocation on the sensor's hot path in steady state: 200,000 packets of the synthetic mix are held in
/// memory and replayed through one warmed-up SensorEngine per iteration (flows already tracked are
/// updated, finished ones reported). Allocated bytes / 200,000 = bytes per packet.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SensorAllocationBenchmark
{
    public const int PacketCount = 200_000;
    private readonly List<(long Ticks, byte[] Frame)> _packets = [];
    private SensorEngine _engine = null!;
    private long _offset;

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(Path.GetTempPath(), "ar-bench-alloc.pcap");
        SyntheticCapture.Write(path, PacketCount, 5_000, seed: 3);
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var p)) _packets.Add((p.TimestampTicks, p.Data.ToArray()));
        _engine = new SensorEngine(new SensorOptions(), new Loops.NullSink());
        ProcessAll();
    }

    [Benchmark(OperationsPerInvoke = PacketCount)]
    public void ProcessPacket() => ProcessAll();

    private void ProcessAll()
    {
        // Shift time forward each pass so the flow table sees a continuing link, not a replay of the past.
        long span = _packets[^1].Ticks - _packets[0].Ticks + TimeSpan.TicksPerSecond;
        foreach (var (ticks, frame) in _packets)
            _engine.Process(new RawPacket(ticks + _offset, LinkTypes.Ethernet, frame.Length, frame));
        _offset += span;
    }
}
