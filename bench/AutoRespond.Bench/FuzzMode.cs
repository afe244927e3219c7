using System.Globalization;
using AutoRespond.Fuzz;

namespace AutoRespond.Bench;

/// <summary>
/// <c>bench fuzz [packets=1000000] [seed=1] [files=2000] [documents=20000]</c>: the hostile-input run of issue 8. Mutated
/// packets through the full sensor, mutated capture files through the readers, mutated YAML configs through the
/// config loader and mutated policy JSON through the policy parser and validator. Prints each target's figures and
/// rejection reasons; exits 1 when anything crashed or broke an invariant.
/// </summary>
internal static class FuzzMode
{
    public static int Run(string[] args)
    {
        long packets = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        int seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        int fileCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
        int documents = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
        string repo = RepositoryRoot();
        string captures = Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "captures"));
        Console.Error.WriteLine($"[fuzz] seeds: {captures} + simulator scenarios");
        SeedCorpus corpus = new SeedCorpus().AddCaptures(captures, maxPacketsPerCapture: 2_000)
            .AddSimulated(seed, TimeSpan.FromMinutes(2), maxPacketsPerScenario: 5_000);
        Console.Error.WriteLine($"[fuzz] {corpus.Traces.Count} traces, {corpus.PacketCount} seed packets");
        var reports = new List<FuzzReport> { new SensorFuzzer(corpus, new SensorFuzzOptions()).Run(seed, packets) };
        Console.Error.WriteLine("[fuzz] capture files");
        var files = CaptureFileFuzzer.Seeds(FuzzSeeds.CaptureFiles(captures, maxBytes: 40_000));
        reports.Add(new CaptureFileFuzzer(files, TimeSpan.FromSeconds(10)).Run(seed, fileCount));
        List<string> configs = FuzzSeeds.Configs(Path.Combine(repo, "docs"), Path.Combine(repo, "..", "shared", "design"));
        Console.Error.WriteLine($"[fuzz] config YAML ({configs.Count} seeds)");
        reports.Add(new ConfigFuzzer(configs).Run(seed, documents));
        List<string> policies = FuzzSeeds.Policies(configs);
        Console.Error.WriteLine($"[fuzz] policy JSON ({policies.Count} seeds)");
        reports.Add(new PolicyFuzzer(policies, FuzzSeeds.BaseConfig(configs)).Run(seed, documents));
        bool clean = true;
        foreach (FuzzReport report in reports)
        {
            Console.WriteLine(report.ToText());
            clean &= report.Clean;
        }

        return clean ? 0 : 1;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoRespond.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("run the fuzz mode inside the repository (no AutoRespond.sln above the current folder)");
    }
}
