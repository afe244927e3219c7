using System.Diagnostics;
using System.Text;

namespace AutoRespond.Fuzz;

/// <summary>
/// A generic JSON fuzz loop for any consumer of JSON (meant for the HTTP API's request bodies): seeds are mutated by
/// <see cref="JsonMutator"/> (one to three mutations stacked) and handed to <paramref name="target"/>, which returns
/// null when the document was accepted, or a rejection reason (for an API: the status code and the problem title),
/// and throws for anything that must not happen (for an API: a 5xx, a dropped connection, an error body without a
/// message). Deterministic for a seed; the API's answer times are the target's business.
/// </summary>
public sealed class JsonFuzzer(string name, IReadOnlyList<string> seeds, Func<string, string?> target)
{
    public FuzzReport Run(int seed, int documents)
    {
        var random = new Random(seed);
        var mutator = new JsonMutator(random);
        var report = new FuzzReport(name, seed);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < documents; i++)
        {
            string json = seeds[random.Next(seeds.Count)];
            string mutation = "";
            for (int n = random.Next(1, 4); n > 0; n--)
            {
                (json, string applied) = mutator.Mutate(json);
                mutation += (mutation.Length == 0 ? "" : "+") + applied;
            }

            report.CountMutation(mutation.Split('+')[0]);
            report.Inputs++;
            var one = Stopwatch.StartNew();
            try
            {
                if (target(json) is { } reason)
                {
                    report.CountReason(reason); // the target names its reasons (e.g. "400 invalid window")
                }
                else
                {
                    report.Accepted++;
                }
            }
            catch (Exception e)
            {
                report.Crash($"{e.GetType().Name}: {e.Message}", mutation, Encoding.UTF8.GetBytes(json));
            }

            report.SlowestInput = one.Elapsed > report.SlowestInput ? one.Elapsed : report.SlowestInput;
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }
}
