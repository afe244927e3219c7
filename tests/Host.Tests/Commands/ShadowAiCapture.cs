using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Tests.Commands;

/// <summary>The shadow-ai capture and its configuration, written once per test run.</summary>
internal static class ShadowAiCapture
{
    private static readonly Lazy<(string Capture, string Config)> Files = new(() =>
    {
        string dir = Directory.CreateTempSubdirectory("ar-shadow-ai-").FullName;
        string capture = Path.Combine(dir, "shadow-ai.pcap"), config = Path.Combine(dir, "shadow-ai.yaml");
        var scenario = ScenarioCatalog.Get("shadow-ai");
        scenario.Write(capture, new SimulationOptions());
        File.WriteAllText(config, scenario.Config);
        return (capture, config);
    });

    public static (string Capture, string Config) Get() => Files.Value;
}
