using AutoRespond.Contracts;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using SharpPcap;
using System.Runtime.InteropServices;
using SharpPcap.LibPcap;

namespace AutoRespond.Bench;

internal static unsafe class Loops
{
    /// <summary>libpcap's own read loop (pcap_next_ex through SharpPcap), no parsing: the ceiling for libpcap reads.</summary>
    public static long Libpcap(string file)
    {
        using var device = new CaptureFileReaderDevice(file);
        device.Open();
        IntPtr header = IntPtr.Zero, data = IntPtr.Zero;
        long packets = 0, bytes = 0;
        while (device.GetNextPacketPointers(ref header, ref data) == 1)
        {
            packets++;
            bytes += *(uint*)((byte*)header + 2 * sizeof(CLong));
        }
        GC.KeepAlive(bytes);
        return packets;
    }

    /// <summary>The sensor's managed reader alone.</summary>
    public static long Managed(string file)
    {
        using var reader = CaptureFileReader.Open(file);
        long packets = 0, bytes = 0;
        while (reader.TryReadNext(out var p))
        {
            packets++;
            bytes += p.Data.Length;
        }
        GC.KeepAlive(bytes);
        return packets;
    }

    /// <summary>Reader + SensorEngine, everything it reports discarded.</summary>
    public static long Sensor(string file, out SensorStats stats)
    {
        var engine = new SensorEngine(new SensorOptions(), new NullSink());
        using var reader = CaptureFileReader.Open(file);
        long packets = 0;
        while (reader.TryReadNext(out var p))
        {
            engine.Process(p);
            packets++;
        }
        engine.Complete();
        stats = engine.Stats;
        return packets;
    }

    /// <summary>Reader + decoder only.</summary>
    public static long Decode(string file)
    {
        var decoder = new AutoRespond.Sensor.Decoding.PacketDecoder();
        using var reader = CaptureFileReader.Open(file);
        long packets = 0, ok = 0;
        while (reader.TryReadNext(out var p))
        {
            packets++;
            if (decoder.TryDecode(p.LinkType, p.Data, out var d) && d.HasTransport) ok++;
        }
        GC.KeepAlive(ok);
        return packets;
    }

    /// <summary>Reader + decoder + the flow table (Zeek conn semantics, records built), no dissectors, no devices.</summary>
    public static long Flows(string file, bool dissectors, out string detail)
    {
        var engine = new SensorEngine(new SensorOptions { ReportDevices = false,
            Dissectors = new AutoRespond.Sensor.Dissectors.DissectorOptions { Enabled = dissectors } }, new NullSink());
        using var reader = CaptureFileReader.Open(file);
        long packets = 0;
        while (reader.TryReadNext(out var p))
        {
            engine.Process(p);
            packets++;
        }
        var s = engine.Stats;
        // Before Complete, which ends every flow: the table's structures are at their peak size.
        detail = FormattableString.Invariant(
            $"flow_state_bytes={AutoRespond.Sensor.Flows.FlowTable.FlowStateBytes} peak_flows={s.PeakActiveFlows} table_bytes={s.FlowTableBytes} bytes_per_flow={(double)s.FlowTableBytes / Math.Max(1, s.PeakActiveFlows):0}");
        engine.Complete();
        return packets;
    }

    public static double PeakRssMiB()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return double.NaN;
    }

    internal sealed class NullSink : INetworkEventSink
    {
        public long Events { get; private set; }

        public void Publish(NetworkEvent e) => Events++;

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }
}
