using AutoRespond.Contracts;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests;

/// <summary>Stored data for the tests: incidents and ledger actions written through the stores the API reads.</summary>
public static class Seed
{
    private static int _next;

    public static async Task<string> IncidentAsync(ApiHost host, string ip = "10.10.0.66", double score = 0.9)
    {
        string id = "inc-test" + Interlocked.Increment(ref _next);
        var time = DateTimeOffset.Parse("2026-11-04T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var device = new DeviceRef(ip, "02:00:00:00:00:66", "LAPTOP-66", "Computing");
        Breach[] breaches =
        [
            new("brc-" + id + "-1", ModelIds.UnusualAdminRdp, time, device, 0.7, "RDP as Administrator", new Dictionary<string, object> { ["cookie"] = "Administrator" }, ["10.20.0.10"]),
            new("brc-" + id + "-2", ModelIds.NewIcsActionCommands, time.AddMinutes(20), device, score, "S7 writes", new Dictionary<string, object> { ["count"] = 3 }, ["10.20.0.21"]),
        ];
        var incident = new IncidentScored(id, 1, time.AddMinutes(20), device, time, time.AddMinutes(20), score, "ics-sabotage",
            [ModelIds.UnusualAdminRdp, ModelIds.NewIcsActionCommands], ["T0886"], "test incident", breaches);
        await host.Get<IIncidentStore>().UpsertAsync(incident, TestContext.Current.CancellationToken);
        return id;
    }

    /// <summary>A ledger action in <paramref name="state"/>, created now (wall clock) so no timeout or expiry touches it.</summary>
    public static async Task<string> ActionAsync(ApiHost host, string state, string kind = ActionKinds.FirewallBlock, string? incidentId = null)
    {
        string id = "act-test" + Interlocked.Increment(ref _next);
        var now = host.Get<TimeProvider>().GetUtcNow();
        await host.Get<IActionLedger>().RecordAsync(new ActionLedgerEntry(id, incidentId ?? "inc-none", kind, "10.10.0.66", state, now,
            now.AddHours(1), 0, null, "seeded for a test"), "test", "seeded", TestContext.Current.CancellationToken);
        return id;
    }
}
