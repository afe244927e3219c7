using System.Diagnostics;
using System.Text.RegularExpressions;
using AutoRespond.Configuration;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutated YAML configurations (<see cref="YamlMutator"/>, one to three mutations stacked) through
/// <see cref="ConfigLoader.LoadText"/>. Each must load or throw a <see cref="ConfigException"/> whose every error names the
/// file, a line and a column (else an invariant is broken); any other exception is a crash. Rejection reasons are the
/// error messages with quoted values, indices and numbers masked.
/// </summary>
public sealed partial class ConfigFuzzer(IReadOnlyList<string> seeds)
{
    public const string SourceName = "fuzz.yaml";

    /// <summary>The <c>```yaml</c> blocks of the Markdown files in <paramref name="folder"/> (the documented examples).</summary>
    public static IEnumerable<string> YamlBlocks(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (Match m in YamlBlock().Matches(File.ReadAllText(file)))
            {
                yield return m.Groups[1].Value;
            }
        }
    }

    public FuzzReport Run(int seed, int documents)
    {
        var random = new Random(seed);
        var mutator = new YamlMutator(random);
        var report = new FuzzReport("config-yaml", seed);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < documents; i++)
        {
            string text = seeds[random.Next(seeds.Count)];
            string mutation = "";
            for (int n = random.Next(1, 4); n > 0; n--)
            {
                (text, string name) = mutator.Mutate(text);
                mutation += (mutation.Length == 0 ? "" : "+") + name;
            }

            report.CountMutation(mutation.Split('+')[0]);
            report.Inputs++;
            var one = Stopwatch.StartNew();
            Check(report, text, mutation);
            report.SlowestInput = one.Elapsed > report.SlowestInput ? one.Elapsed : report.SlowestInput;
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>Loads one document and records its outcome in <paramref name="report"/>.</summary>
    public static void Check(FuzzReport report, string text, string mutation)
    {
        try
        {
            ConfigLoader.LoadText(text, SourceName);
            report.Accepted++;
        }
        catch (ConfigException e)
        {
            foreach (ConfigError error in e.Errors)
            {
                if (error.File != SourceName || error.Line < 1 || error.Column < 1)
                {
                    report.Violation($"error without file:line:column: {error}", mutation, System.Text.Encoding.UTF8.GetBytes(text));
                }

                report.CountReason("config: " + Mask(error.Message));
            }
        }
        catch (Exception e)
        {
            report.Crash($"{e.GetType().Name} escaped ConfigLoader.LoadText: {e.Message}", mutation, System.Text.Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>A message with quoted text, list indices and numbers masked (and capped), so equal reasons count together.</summary>
    public static string Mask(string message)
    {
        string masked = Numbers().Replace(Quoted().Replace(message, "'…'"), "#");
        return masked.Length <= 110 ? masked : masked[..110] + "…";
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();

    [GeneratedRegex("'[^']*'|\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();
}
