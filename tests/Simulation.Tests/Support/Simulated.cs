using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Simulation.Tests.Support;

/// <summary>Captures written once per test run (per scenario, seed and length) into a temporary folder and shared by the tests.</summary>
internal static class Simulated
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<(string, int, double?), (string Path, SimulationResult Result)> Cache = [];
    private static readonly string Folder = Directory.CreateTempSubdirectory("ar-sim-tests-").FullName;

    public static (string Path, SimulationResult Result) Capture(string scenario, int seed = 1, double? hours = null)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue((scenario, seed, hours), out var done)) return done;
            string path = System.IO.Path.Combine(Folder, $"{scenario}-{seed}-{hours?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}.pcap");
            var options = new SimulationOptions(seed, hours is { } h ? TimeSpan.FromHours(h) : null);
            var result = ScenarioCatalog.Get(scenario).Write(path, options);
            return Cache[(scenario, seed, hours)] = (path, result);
        }
    }
}
