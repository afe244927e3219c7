using AutoRespond.Sensor.Capture;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Fuzz;

/// <summary>
/// Seed inputs for the packet fuzzer: the real captures of the shared corpus (every <c>.pcap</c>/<c>.pcapng</c> under
/// its root, MANIFEST.md: S7, Modbus, DNP3, ENIP, RDP, TLS, scans, DHCP, benign) and captures written by the project's
/// simulator (<see cref="ScenarioCatalog"/>), each kept as an ordered trace.
/// </summary>
public sealed class SeedCorpus
{
    private readonly List<SeedTrace> _traces = [];

    public IReadOnlyList<SeedTrace> Traces => _traces;

    public int PacketCount => _traces.Sum(t => t.Packets.Count);

    /// <summary>Adds every capture under <paramref name="root"/> (sorted, so the corpus is the same on every machine).</summary>
    /// <param name="filter">Relative paths to keep (null: all).</param>
    public SeedCorpus AddCaptures(string root, int maxPacketsPerCapture, Func<string, bool>? filter = null)
    {
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (filter is null || filter(relative))
            {
                AddCapture(relative, file, maxPacketsPerCapture);
            }
        }

        return this;
    }

    /// <summary>Adds one capture file as a trace named <paramref name="name"/>.</summary>
    public SeedCorpus AddCapture(string name, string path, int maxPackets)
    {
        var packets = new List<SeedPacket>();
        using (var reader = CaptureFileReader.Open(path))
        {
            while (packets.Count < maxPackets && reader.TryReadNext(out RawPacket p))
            {
                packets.Add(new SeedPacket(p.LinkType, p.Data.ToArray(), p.TimestampTicks));
            }
        }

        if (packets.Count > 0)
        {
            _traces.Add(new SeedTrace(name, packets));
        }

        return this;
    }

    /// <summary>Writes every simulator scenario with a short background and adds its first packets.</summary>
    public SeedCorpus AddSimulated(int seed, TimeSpan background, int maxPacketsPerScenario)
    {
        string dir = Directory.CreateTempSubdirectory("ar-fuzz-sim-").FullName;
        try
        {
            foreach (Scenario scenario in ScenarioCatalog.All)
            {
                string path = Path.Combine(dir, scenario.Name + ".pcap");
                scenario.Write(path, new SimulationOptions(seed, background));
                AddCapture("sim/" + scenario.Name, path, maxPacketsPerScenario);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        return this;
    }
}
