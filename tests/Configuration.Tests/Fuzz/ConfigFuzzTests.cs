using AutoRespond.Fuzz;
using AutoRespond.TestUtils;

namespace AutoRespond.Configuration.Tests.Fuzz;

/// <summary>
/// Hostile YAML through <see cref="ConfigLoader.LoadText"/>: every mutated config either loads or is rejected with a
/// <see cref="ConfigException"/> whose errors all carry file:line:column; no other exception type ever escapes.
/// </summary>
public sealed class ConfigFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void LoadText_TwoThousandMutatedConfigs_LoadOrConfigExceptionWithPositions()
    {
        var seeds = FuzzSeeds.Configs(Path.Combine(Captures.RepositoryRoot(), "docs"));
        seeds.Add(Samples.ContractExample);

        FuzzReport report = new ConfigFuzzer(seeds).Run(seed: 20261125, documents: 2_000);
        output.WriteLine(report.ToText());

        report.Crashes.ShouldBe(0, string.Join("\n", report.CrashSamples));
        report.Violations.ShouldBe(0, string.Join("\n", report.ViolationSamples));
        report.Accepted.ShouldBeGreaterThan(0);
        report.Reasons.Count.ShouldBeGreaterThan(30);
        report.Reasons.Keys.ShouldContain(k => k.StartsWith("config: YAML syntax error", StringComparison.Ordinal));
        report.SlowestInput.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("bus: { transport: in-memory }\n *nope\n")]
    [InlineData("storage: { provider: sqlite, path: x.db }\n *a\n")]
    public void LoadText_AliasWhereNoNodeCanStart_ConfigExceptionWithPosition(string yaml)
    {
        // Found by the fuzzer: YamlDotNet threw ArgumentException ("The current event is of an unsupported type").
        var e = Should.Throw<ConfigException>(() => ConfigLoader.LoadText(yaml, "c.yaml"));

        ConfigError error = e.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("c.yaml");
        error.Line.ShouldBeInRange(2, 3); // YamlDotNet gives no position: the last event read, at or just after the alias
        error.Column.ShouldBeGreaterThan(0);
        error.Message.ShouldContain("alias");
    }
}
