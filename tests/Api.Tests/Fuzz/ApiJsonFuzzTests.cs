using System.Text;
using System.Text.Json;
using AutoRespond.Fuzz;

namespace AutoRespond.Api.Tests.Fuzz;

/// <summary>
/// Hostile JSON against the write routes (issue 8): fixed-seed mutations of valid bodies (bit flips, truncation, type
/// swaps, huge numbers, deep nesting, duplicated keys…). Every answer is a 2xx or a 4xx problem details with a title;
/// never a 5xx, never a dropped connection.
/// </summary>
public sealed class ApiJsonFuzzTests
{
    private const string Window = """{"name":"fuzz","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","rrule":"FREQ=WEEKLY;BYDAY=SU","tz":"Europe/London","scope":{"devices":["10.30.0.5"],"zones":["Clinical"],"users":[]},"effect":"confirm"}""";
    private const string Policy = """{"policy":{"mode":"confirm","ladder":[{"min_score":0.6,"actions":["ticket"]},{"min_score":0.9,"actions":["ticket","firewall-block"],"duration":"1h","scope":{"zones":["Computing"]}}],"limits":{"max_active_actions":5,"max_new_actions_per_hour":3}},"note":"fuzz"}""";
    private const string Change = """{"sys_id":"c0ffee","number":"CHG0030001","state":"-2","type":"normal","approval":"approved","start_date":"2026-12-05 22:00:00","end_date":"2026-12-06 04:00:00","cmdb_ci":"10.30.0.5","short_description":"EHR upgrade","sys_updated_by":"admin"}""";

    [Theory]
    [InlineData("POST", "api/v1/windows", Window)]
    [InlineData("PUT", "api/v1/policies/current", Policy)]
    [InlineData("POST", "api/v1/policies/current/whatif", Policy)]
    [InlineData("POST", "api/v1/changes/servicenow", Change)]
    public async Task WriteRoute_MutatedJson_AnswersProblemDetailsNeverServerError(string method, string path, string seed)
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("admin");
        var fuzzer = new JsonFuzzer($"api {method} {path}", [seed], body =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.ConnectionClose = true; // each input on its own connection: a failure belongs to the input that caused it
            HttpResponseMessage response;
            try
            {
                response = client.Send(request, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (Encoding.UTF8.GetByteCount(body) > 1024 * 1024)
            {
                // Over the 1 MiB limit the API answers 400 at once and closes the connection while the client still sends.
                return "400 too large (connection closed before the whole body was sent)";
            }
            using var _ = response;
            int status = (int)response.StatusCode;
            if (status >= 500) throw new InvalidOperationException($"{status} for a hostile body: {Truncate(body)}");
            if (status is >= 200 and < 300) return null;
            string text = new StreamReader(response.Content.ReadAsStream(TestContext.Current.CancellationToken)).ReadToEnd();
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.TryGetProperty("title", out var title)
                ? $"{status} {title.GetString()}"
                : throw new InvalidOperationException($"{status} without a problem title: {Truncate(text)}");
        });

        var report = fuzzer.Run(seed: 1, documents: 250);
        if (report.CrashSamples.Count > 0)
        {
            string dir = Path.Combine(AutoRespond.TestUtils.Captures.RepositoryRoot(), "artifacts", "api-fuzz");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, $"crash-{method}-{path.Replace('/', '_')}.json"), report.CrashSamples[0].Input);
        }

        report.Crashes.ShouldBe(0, string.Join("; ", report.CrashSamples.Take(3).Select(c => $"{c.What} [{c.Mutation}] {Truncate(Encoding.UTF8.GetString(c.Input))}")));
        report.Inputs.ShouldBeGreaterThanOrEqualTo(250);
        report.Reasons.Keys.ShouldContain(r => r.StartsWith("400", StringComparison.Ordinal)); // the mutations were rejected, by name
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
