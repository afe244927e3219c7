using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Model;
using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Reports.Tests.Building;

public sealed class ReportBuilderTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BuildAsync_FromSqlite_GroupsActionsAndRanksDevicesWithinThePeriod()
    {
        var ct = TestContext.Current.CancellationToken;
        string path = Path.Combine(Directory.CreateTempSubdirectory("ar-report-").FullName, "r.db");
        await using var services = new ServiceCollection().AddAutoRespondStorage(new StorageOptions { SqlitePath = path }).BuildServiceProvider();
        await StorageInitializer.MigrateAsync(services, ct);
        var incidents = services.GetRequiredService<IIncidentStore>();
        var ledger = services.GetRequiredService<IActionLedger>();
        await incidents.UpsertAsync(Incident("inc-a", "10.10.0.66", 0.97, T), ct);
        await incidents.UpsertAsync(Incident("inc-b", "10.10.0.70", 0.62, T.AddHours(1)), ct);
        await incidents.UpsertAsync(Incident("inc-old", "10.10.0.71", 0.9, T.AddDays(-3)), ct);
        await ledger.RecordAsync(new ActionLedgerEntry("act-1", "inc-a", "ticket", "10.10.0.66", ActionStates.DryRun, T, null, 0, null, "r"), "t", "d", ct);
        await ledger.RecordAsync(new ActionLedgerEntry("act-2", "inc-a", "tcp-reset", "10.10.0.66", ActionStates.SuppressedByWindow, T, null, 0, "Night", "r"), "t", "d", ct);
        await ledger.RecordAsync(new ActionLedgerEntry("act-3", "inc-b", "ticket", "10.10.0.70", ActionStates.AwaitingConfirmation, T.AddHours(1), null, 0, null, "r"), "t", "d", ct);
        await ledger.RecordAsync(new ActionLedgerEntry("act-old", "inc-old", "ticket", "10.10.0.71", ActionStates.Executed, T.AddDays(-3), null, 0, null, "r"), "t", "d", ct);
        var windows = new List<WindowConfig>
        {
            new("Night", T.AddHours(-10), T.AddHours(-2), "FREQ=DAILY", null, WindowScope.Empty, WindowEffect.Suppress, null),
            new("Last year", T.AddYears(-1), T.AddYears(-1).AddHours(1), null, null, WindowScope.Empty, WindowEffect.Suppress, null),
        };
        var builder = new ReportBuilder(incidents, services.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>(),
            services.GetRequiredService<IBaselineStore>(), new FakeTimeProvider(T.AddDays(1)));

        var report = await builder.BuildAsync(T.Date, T.Date.AddDays(1), windows, cancellationToken: ct);

        report.Incidents.Select(i => i.Id).ShouldBe(["inc-a", "inc-b"]);
        report.ActionsIn(ActionGroup.WouldHave).Select(a => a.Id).ShouldBe(["act-1"]);
        report.ActionsIn(ActionGroup.Suppressed).Select(a => a.Id).ShouldBe(["act-2"]);
        report.ActionsIn(ActionGroup.Held).Select(a => a.Id).ShouldBe(["act-3"]);
        report.Actions.ShouldNotContain(a => a.Id == "act-old");
        report.Windows.Select(w => (w.Name, w.ActionsAffected)).ShouldBe([("Night", 1)]);
        report.TopDevices.Select(d => d.Ip).ShouldBe(["10.10.0.66", "10.10.0.70"]);
        report.IncidentsOverTime.Count.ShouldBe(24);
        report.IncidentsOverTime.Sum(b => b.Total).ShouldBe(2);
        report.ActionsByKind.Select(b => (b.Label, b.Total)).ShouldBe([("ticket", 2), ("tcp-reset", 1)]);
        report.Ai.Services.ShouldBeEmpty();
    }

    private static IncidentScored Incident(string id, string ip, double score, DateTimeOffset time)
    {
        var device = new DeviceRef(ip, Zone: "Computing");
        var breach = new Breach("brc-" + id, ModelIds.UnusualAdminRdp, time, device, score, "summary", new Dictionary<string, object>(), []);
        return new IncidentScored(id, 1, time, device, time, time.AddMinutes(5), score, "lateral-movement", [ModelIds.UnusualAdminRdp], ["T0886"],
            "narrative of " + id, [breach]);
    }
}
