using System.Diagnostics;
using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Responders.Policy;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutated response policies (<see cref="JsonMutator"/>, one to three mutations stacked) through
/// <see cref="ResponsePolicyJson.Parse"/> and then <see cref="PolicyValidator.Validate"/> against
/// <paramref name="config"/>. Each must parse and validate, or be rejected with a <see cref="PolicyFormatException"/>
/// listing its problems (each naming where, under <c>response</c>) or with validator errors; any other exception is a
/// crash.
/// </summary>
public sealed class PolicyFuzzer(IReadOnlyList<string> seeds, AutoRespondConfig config)
{
    public FuzzReport Run(int seed, int documents)
    {
        var random = new Random(seed);
        var mutator = new JsonMutator(random);
        var report = new FuzzReport("policy-json", seed);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < documents; i++)
        {
            string json = seeds[random.Next(seeds.Count)];
            string mutation = "";
            for (int n = random.Next(1, 4); n > 0; n--)
            {
                (json, string name) = mutator.Mutate(json);
                mutation += (mutation.Length == 0 ? "" : "+") + name;
            }

            report.CountMutation(mutation.Split('+')[0]);
            report.Inputs++;
            var one = Stopwatch.StartNew();
            Check(report, json, mutation);
            report.SlowestInput = one.Elapsed > report.SlowestInput ? one.Elapsed : report.SlowestInput;
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>Parses and validates one policy and records its outcome in <paramref name="report"/>.</summary>
    public void Check(FuzzReport report, string json, string mutation)
    {
        try
        {
            ResponseConfig response = ResponsePolicyJson.Parse(json, config.Network);
            PolicyValidationResult result = PolicyValidator.Validate(config with { Response = response });
            if (result.IsValid)
            {
                report.Accepted++;
            }

            foreach (PolicyIssue issue in result.Issues.Where(i => i.Severity == PolicySeverity.Error))
            {
                report.CountReason("policy validator: " + ConfigFuzzer.Mask(issue.Path + ": " + issue.Message));
            }
        }
        catch (PolicyFormatException e)
        {
            foreach (string problem in e.Problems)
            {
                if (!problem.StartsWith("response", StringComparison.Ordinal))
                {
                    report.Violation($"problem without a location: {problem}", mutation, Encoding.UTF8.GetBytes(json));
                }

                // JSON reader messages carry a path and position: keep the first clause only.
                int cut = problem.IndexOf(" Path:", StringComparison.Ordinal);
                report.CountReason("policy: " + ConfigFuzzer.Mask(cut < 0 ? problem : problem[..cut]));
            }
        }
        catch (Exception e)
        {
            report.Crash($"{e.GetType().Name} escaped the policy parser/validator: {e.Message}", mutation, Encoding.UTF8.GetBytes(json));
        }
    }
}
