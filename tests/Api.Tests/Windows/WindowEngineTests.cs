using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Policy;
using AutoRespond.Responders.Windows;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Windows;

/// <summary>Windows and policies changed through the API take effect in the running engine without a restart.</summary>
public sealed class WindowEngineTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-05T23:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateThenDeleteWindow_Engine_SuppressesInsideThenHoldsAgain()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("scheduler");
        var evaluator = host.Get<ChangeWindowEvaluator>();
        var (status, body, text, _) = await client.SendAsync("POST", "api/v1/windows",
            """{"name":"EHR upgrade","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","scope":{"devices":["10.10.0.0/24"]},"effect":"suppress"}""");
        status.ShouldBe(201, text);
        await Http.EventuallyAsync(() => Task.FromResult(evaluator.Schedules.Count == 1), "the engine to load the window");

        string suppressed = await DecideAsync(host, "inc-inside");
        suppressed.ShouldBe(ActionStates.SuppressedByWindow);

        (await client.SendAsync("DELETE", "api/v1/windows/" + body.GetProperty("id").GetString())).Status.ShouldBe(204);
        await Http.EventuallyAsync(() => Task.FromResult(evaluator.Schedules.Count == 0), "the engine to drop the window");
        (await DecideAsync(host, "inc-after")).ShouldBe(ActionStates.AwaitingConfirmation);
    }

    [Fact]
    public async Task PutPolicy_Engine_DecidesWithTheNewVersion()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("admin");
        var (status, body, text, _) = await client.SendAsync("PUT", "api/v1/policies/current",
            """{"policy":{"mode":"dry-run","ladder":[{"min_score":0.6,"actions":["ticket"]}]},"note":"calm down"}""");
        status.ShouldBe(200, text);
        int version = body.GetProperty("version").GetInt32();
        version.ShouldBe(1);
        body.GetProperty("previous_version").GetInt32().ShouldBe(0);
        var diff = body.GetProperty("diff").EnumerateArray().Select(c => c.GetProperty("path").GetString()).ToList();
        diff.ShouldContain("mode");
        diff.ShouldContain("ladder[1].min_score"); // the file's second step is gone

        var provider = host.Get<PolicyProvider>();
        await Http.EventuallyAsync(() => Task.FromResult(provider.Current.Version == version), "the engine to take the new policy");
        (await DecideAsync(host, "inc-policy")).ShouldBe(ActionStates.DryRun);
        (await client.SendAsync("GET", "api/v1/policies/current")).Body.GetProperty("source").GetString().ShouldBe("store");
    }

    [Fact]
    public async Task UpdateConfigWindow_ReadOnly_Returns409()
    {
        await using var host = await ApiHost.StartAsync(config: db => ApiHost.ConfigYaml(db, """
            windows:
              - { name: Nightly, start: 2026-12-05T22:00:00Z, end: 2026-12-05T23:00:00Z, rrule: FREQ=DAILY, scope: { zones: [Industrial] } }
            """));
        using var client = host.Client("admin");
        var list = (await client.SendAsync("GET", "api/v1/windows")).Body;
        list.EnumerateArray().ShouldHaveSingleItem().GetProperty("source").GetString().ShouldBe("config");
        (await client.SendAsync("DELETE", "api/v1/windows/config:Nightly")).Status.ShouldBe(409);
        var occurrences = (await client.SendAsync("GET", "api/v1/windows/occurrences?from=2026-12-05T00:00:00Z&to=2026-12-08T00:00:00Z")).Body;
        occurrences.GetArrayLength().ShouldBe(3);
    }

    /// <summary>One incident of score 0.9 against 10.10.0.66 at <see cref="At"/> through the host's engine; the ticket's state.</summary>
    private static async Task<string> DecideAsync(ApiHost host, string incidentId)
    {
        var device = new DeviceRef("10.10.0.66", null, null, "Computing");
        var breach = new Breach(incidentId + "-b", ModelIds.UnusualAdminRdp, At, device, 0.9, "rdp", new Dictionary<string, object>(), []);
        var incident = new IncidentScored(incidentId, 1, At, device, At, At, 0.9, "lateral-movement", [ModelIds.UnusualAdminRdp], [], "test", [breach]);
        await host.Get<ResponseEngine>().HandleAsync(incident, TestContext.Current.CancellationToken);
        using var client = host.Client("viewer");
        var actions = (await client.SendAsync("GET", $"api/v1/actions?incident={incidentId}&kind=ticket")).Body;
        return actions.EnumerateArray().ShouldHaveSingleItem().GetProperty("state").GetString()!;
    }
}
