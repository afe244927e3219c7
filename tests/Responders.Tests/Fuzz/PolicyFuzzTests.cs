using AutoRespond.Configuration;
using AutoRespond.Fuzz;
using AutoRespond.Responders.Policy;
using AutoRespond.TestUtils;

namespace AutoRespond.Responders.Tests.Fuzz;

/// <summary>
/// Hostile policy JSON through <see cref="ResponsePolicyJson.Parse"/> and <see cref="PolicyValidator"/>: each document
/// parses, or is rejected with a <see cref="PolicyFormatException"/> naming where, or fails validation; nothing else.
/// </summary>
public sealed class PolicyFuzzTests(ITestOutputHelper output)
{
    private static readonly List<string> Configs = FuzzSeeds.Configs(Path.Combine(Captures.RepositoryRoot(), "docs"));

    [Fact]
    public void Check_ThreeThousandMutatedPolicies_ParsedOrRejectedWithProblems()
    {
        List<string> seeds = FuzzSeeds.Policies(Configs);
        seeds.ShouldNotBeEmpty();

        FuzzReport report = new PolicyFuzzer(seeds, FuzzSeeds.BaseConfig(Configs)).Run(seed: 20261125, documents: 3_000);
        output.WriteLine(report.ToText());

        report.Crashes.ShouldBe(0, string.Join("\n", report.CrashSamples));
        report.Violations.ShouldBe(0, string.Join("\n", report.ViolationSamples));
        report.Accepted.ShouldBeGreaterThan(0);
        report.Reasons.Count.ShouldBeGreaterThan(15);
        report.Reasons.Keys.ShouldContain(k => k.StartsWith("policy: response: not a policy document", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("devices", "response.ladder[0].scope.devices[1]")]
    [InlineData("zones", "response.ladder[0].scope.zones[1]")]
    [InlineData("roles", "response.ladder[0].scope.roles[1]")]
    public void Parse_NullInAScopeList_PolicyFormatExceptionNamesTheItem(string list, string path)
    {
        // Found by the fuzzer: a null device reached IPAddress parsing and threw NullReferenceException.
        string json = "{\"ladder\":[{\"min_score\":0.9,\"actions\":[\"ticket\"],\"scope\":{\"" + list + "\":[\"x\",null]}}]}";

        var e = Should.Throw<PolicyFormatException>(() => ResponsePolicyJson.Parse(json, NetworkConfig.Default));

        e.Problems.ShouldContain(p => p.StartsWith(path + ": null", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NullAction_PolicyFormatExceptionNamesTheItem()
    {
        var e = Should.Throw<PolicyFormatException>(
            () => ResponsePolicyJson.Parse("""{"ladder":[{"min_score":0.9,"actions":["ticket",null]}]}""", NetworkConfig.Default));

        e.Problems.ShouldContain("response.ladder[0].actions[1]: null is not an action kind");
    }

    [Fact]
    public void Mutate_SameSeed_SameSequenceOfDocuments()
    {
        string seed = """{"mode":"confirm","ladder":[{"min_score":0.5,"actions":["ticket"]}],"limits":{"max_active_actions":3}}""";
        var a = new JsonMutator(new Random(9));
        var b = new JsonMutator(new Random(9));

        for (int i = 0; i < 200; i++)
        {
            b.Mutate(seed).ShouldBe(a.Mutate(seed));
        }
    }

    [Fact]
    public void Run_TargetThatThrowsOnSomeDocuments_CountsCrashesAndReasonsSeparately()
    {
        // The generic loop the API's fuzz tests will use: a target returns null (accepted), a reason, or throws.
        var fuzzer = new JsonFuzzer("parse-only", ["""{"a":[1,2,{"b":"c"}]}"""], json =>
        {
            if (json.Contains("\\ud800", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("lone surrogate");
            }

            try
            {
                System.Text.Json.JsonDocument.Parse(json).Dispose();
                return null;
            }
            catch (System.Text.Json.JsonException)
            {
                return "400 not JSON";
            }
        });

        FuzzReport report = fuzzer.Run(seed: 3, documents: 2_000);

        report.Inputs.ShouldBe(2_000);
        (report.Accepted + report.Reasons.Values.Sum() + report.Crashes).ShouldBe(2_000);
        report.Reasons.ShouldContainKey("400 not JSON");
        report.Crashes.ShouldBeGreaterThan(0);
        report.CrashSamples.ShouldAllBe(c => c.What.StartsWith("InvalidOperationException", StringComparison.Ordinal));
    }
}
