using AutoRespond.Configuration;
using AutoRespond.Responders.Policy;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Fuzz;

/// <summary>Seed documents and files for the non-packet targets, all taken from the repository and the corpus.</summary>
public static class FuzzSeeds
{
    /// <summary>YAML configs: the documented examples (<c>```yaml</c> blocks of <paramref name="docFolders"/>) and the
    /// simulator scenarios' replay configs.</summary>
    public static List<string> Configs(params string[] docFolders)
    {
        var seeds = docFolders.Where(Directory.Exists).SelectMany(ConfigFuzzer.YamlBlocks).ToList();
        seeds.AddRange(ScenarioCatalog.All.Select(s => s.Config));
        return seeds;
    }

    /// <summary>Policies: the <c>response</c> section of every seed config that loads, as policy JSON.</summary>
    public static List<string> Policies(IEnumerable<string> configs)
    {
        var seeds = new List<string>();
        foreach (string yaml in configs)
        {
            try
            {
                seeds.Add(ResponsePolicyJson.Serialize(ConfigLoader.LoadText(yaml, "seed.yaml").Response));
            }
            catch (ConfigException)
            {
                // a documented fragment that is not a whole config (or shows an error on purpose)
            }
        }

        return [.. seeds.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The config policies are validated against: the first seed that loads and declares zones.</summary>
    public static AutoRespondConfig BaseConfig(IEnumerable<string> configs)
    {
        foreach (string yaml in configs)
        {
            try
            {
                AutoRespondConfig config = ConfigLoader.LoadText(yaml, "seed.yaml");
                if (config.Network.Zones.Count > 0)
                {
                    return config;
                }
            }
            catch (ConfigException)
            {
            }
        }

        return AutoRespondConfig.Default;
    }

    /// <summary>Capture files of the corpus no larger than <paramref name="maxBytes"/> (sorted paths).</summary>
    public static List<string> CaptureFiles(string capturesRoot, int maxBytes)
        => [.. Directory.EnumerateFiles(capturesRoot, "*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal))
                && new FileInfo(f).Length <= maxBytes)
            .Order(StringComparer.Ordinal)];
}
