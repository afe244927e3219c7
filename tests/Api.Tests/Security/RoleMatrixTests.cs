using System.Net;
using System.Text;
using AutoRespond.Api.Devices;
using AutoRespond.Contracts;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Tests.Security;

/// <summary>CONTRACT.md §5: every route × every role (and no key) answers the expected status.</summary>
public sealed class RoleMatrixTests
{
    private static readonly string[] Roles = ["admin", "scheduler", "viewer", "ticketing", "none"];
    private static readonly string[] Readers = ["admin", "scheduler", "viewer"];
    private static readonly string[] Admins = ["admin"];
    private static readonly string[] Schedulers = ["admin", "scheduler"];
    private static readonly string[] Ticketing = ["ticketing", "admin"];
    private static readonly string[] Everyone = ["admin", "scheduler", "viewer", "ticketing", "none"];

    private const string Window = """{"name":"matrix","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","scope":{"devices":["10.30.0.5"]},"effect":"suppress"}""";
    private const string Policy = """{"policy":{"mode":"confirm","ladder":[{"min_score":0.6,"actions":["ticket"]}]},"note":"matrix"}""";
    private const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:matrix\r\nSUMMARY:matrix\r\nDTSTART:20261205T220000Z\r\nDTEND:20261206T040000Z\r\nX-AUTORESPOND-DEVICES:10.30.0.5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    /// <summary>One route: how to make the path (fresh data per call where a write consumes it), the body, who may, and the success code.</summary>
    private sealed record Row(string Method, string Template, Func<ApiHost, Task<string>> Path, string? Body, string[] Allowed, int Success,
        string ContentType = "application/json");

    private static Row Get(string template, Func<ApiHost, Task<string>> path, string[] allowed) => new("GET", template, path, null, allowed, 200);

    private static Func<ApiHost, Task<string>> Fixed(string path) => _ => Task.FromResult(path);

    private static IEnumerable<Row> Rows() =>
    [
        Get("/api/v1/incidents", Fixed("api/v1/incidents"), Readers),
        Get("/api/v1/incidents/{id}", async h => "api/v1/incidents/" + await Seed.IncidentAsync(h), Readers),
        new("POST", "/api/v1/incidents/{id}/acknowledge", async h => $"api/v1/incidents/{await Seed.IncidentAsync(h)}/acknowledge", "{}", Admins, 200),
        Get("/api/v1/actions", Fixed("api/v1/actions"), Readers),
        Get("/api/v1/actions/{id}", async h => "api/v1/actions/" + await Seed.ActionAsync(h, ActionStates.AwaitingConfirmation), Readers),
        new("POST", "/api/v1/actions/{id}/approve", async h => $"api/v1/actions/{await Seed.ActionAsync(h, ActionStates.AwaitingConfirmation)}/approve", """{"reason":"m"}""", Admins, 200),
        new("POST", "/api/v1/actions/{id}/deny", async h => $"api/v1/actions/{await Seed.ActionAsync(h, ActionStates.AwaitingConfirmation)}/deny", """{"reason":"m"}""", Admins, 200),
        new("POST", "/api/v1/actions/{id}/release", async h => $"api/v1/actions/{await Seed.ActionAsync(h, ActionStates.Executed, ActionKinds.Ticket)}/release", """{"reason":"m"}""", Admins, 200),
        new("POST", "/api/v1/actions/{id}/extend", async h => $"api/v1/actions/{await Seed.ActionAsync(h, ActionStates.AwaitingConfirmation)}/extend", """{"by":"1h"}""", Admins, 200),
        Get("/api/v1/windows", Fixed("api/v1/windows"), Readers),
        new("POST", "/api/v1/windows", Fixed("api/v1/windows"), Window, Schedulers, 201),
        Get("/api/v1/windows/occurrences", Fixed("api/v1/windows/occurrences?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z"), Readers),
        new("POST", "/api/v1/windows/preview", Fixed("api/v1/windows/preview?days=7"), Window, Schedulers, 200),
        Get("/api/v1/windows/{id}", async h => "api/v1/windows/" + await WindowAsync(h), Readers),
        new("PUT", "/api/v1/windows/{id}", async h => "api/v1/windows/" + await WindowAsync(h), Window, Schedulers, 200),
        new("DELETE", "/api/v1/windows/{id}", async h => "api/v1/windows/" + await WindowAsync(h), null, Schedulers, 204),
        Get("/api/v1/windows/{id}/preview", async h => $"api/v1/windows/{await WindowAsync(h)}/preview?days=3", Readers),
        Get("/api/v1/windows.ics", Fixed("api/v1/windows.ics"), Readers),
        new("POST", "/api/v1/windows.ics", Fixed("api/v1/windows.ics"), Ics, Schedulers, 200, "text/calendar"),
        Get("/api/v1/policies/current", Fixed("api/v1/policies/current"), Readers),
        Get("/api/v1/policies/versions", Fixed("api/v1/policies/versions"), Readers),
        new("PUT", "/api/v1/policies/current", Fixed("api/v1/policies/current"), Policy, Admins, 200),
        new("POST", "/api/v1/policies/current/whatif", Fixed("api/v1/policies/current/whatif"), Policy.Replace(",\"note\":\"matrix\"", "", StringComparison.Ordinal), Admins, 200),
        Get("/api/v1/devices", Fixed("api/v1/devices"), Readers),
        Get("/api/v1/devices/{id}", Fixed("api/v1/devices/10.10.0.66"), Readers),
        new("POST", "/api/v1/changes/servicenow", Fixed("api/v1/changes/servicenow"), null, Ticketing, 201),
        Get("/api/v1/events", Fixed("api/v1/events"), Readers),
        Get("/api/v1/ai-usage", Fixed("api/v1/ai-usage"), Readers),
        new("POST", "/api/v1/events/identity", Fixed("api/v1/events/identity"),
            """{"time":"2026-12-05T22:00:00Z","user":"alice@contoso.com","address":"10.10.0.66"}""", Ticketing, 201),
        new("POST", "/api/v1/events/email", Fixed("api/v1/events/email"),
            """{"time":"2026-12-05T22:00:00Z","user":"alice@contoso.com","message_id":"AAMkAD-1"}""", Ticketing, 201),
        Get("/health/live", Fixed("health/live"), Everyone),
        Get("/health/ready", Fixed("health/ready"), Everyone),
        Get("/metrics", Fixed("metrics"), Everyone),
        Get("/openapi/v1.json", Fixed("openapi/v1.json"), Everyone),
    ];

    private static int _changes;

    private static string ChangeBody() =>
        $$"""{"sys_id":"matrix-{{Interlocked.Increment(ref _changes)}}","number":"CHG0001","state":"-2","start_date":"2026-12-05 22:00:00","end_date":"2026-12-06 04:00:00","cmdb_ci":"10.30.0.5"}""";

    private static async Task<string> WindowAsync(ApiHost host)
    {
        using var client = host.Client("admin");
        using var response = await client.PostAsync("api/v1/windows", new StringContent(Window, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task EveryRoute_EveryRole_AnswersTheExpectedStatus()
    {
        await using var host = await ApiHost.StartAsync();
        host.Get<InProcessDeviceDirectory>().Publish(
            [new DeviceInfo("02:00:00:00:00:66", "10.10.0.66", "02:00:00:00:00:66", "LAPTOP-66", "Computing", ["it"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)],
            new Dictionary<string, DevicePattern>());
        var mismatches = new List<string>();
        int cells = 0;
        foreach (var row in Rows())
        {
            foreach (var role in Roles)
            {
                int expected = row.Allowed.Contains(role) ? row.Success : role == "none" ? 401 : 403;
                string path = await row.Path(host);
                using var client = host.Client(role);
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
                string? body = row.Template == "/api/v1/changes/servicenow" ? ChangeBody() : row.Body;
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, row.ContentType);
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                cells++;
                if ((int)response.StatusCode != expected)
                {
                    string detail = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    mismatches.Add($"{row.Method} {row.Template} as {role}: {(int)response.StatusCode}, expected {expected} {detail[..Math.Min(200, detail.Length)]}");
                }
            }
        }
        mismatches.ShouldBeEmpty();
        cells.ShouldBe(Rows().Count() * Roles.Length);
    }

    [Fact]
    public async Task Matrix_CoversEveryMappedRoute()
    {
        await using var host = await ApiHost.StartAsync();
        var mapped = host.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/console", StringComparison.Ordinal) && raw != "/")
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);
        var covered = Rows().Select(r => $"{r.Method} {r.Template}").ToHashSet(StringComparer.Ordinal);
        mapped.Remove("GET /openapi/{documentName}.json");
        covered.Remove("GET /openapi/v1.json");
        mapped.Except(covered).ShouldBeEmpty();
        covered.Except(mapped).ShouldBeEmpty();
    }

    internal static string Normalize(string raw) => raw.Length > 1 ? raw.TrimEnd('/') : raw;
}
