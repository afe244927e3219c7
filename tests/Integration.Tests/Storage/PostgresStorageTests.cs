using AutoRespond.Contracts;
using AutoRespond.Storage;
using AutoRespond.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Integration.Tests.Storage;

/// <summary>
/// The stores against a real PostgreSQL (started by scripts/test.sh; connection string in AR_TEST_POSTGRES).
/// Skipped when the variable is unset; FAILS when it is set and the server is down. Each test creates and
/// drops its own database.
/// </summary>
public sealed class PostgresStorageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Plus2 = TimeSpan.FromHours(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ledger_RecordTransitionGet_RoundTripsInUtc()
    {
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct);
        var ledger = pg.Ledger;
        // Times with a +02:00 offset: Npgsql's timestamptz rejects them unless the store converts to UTC.
        var entry = Entry("act-1", LedgerStates.Requested, T0.ToOffset(Plus2), T0.AddHours(1).ToOffset(Plus2));

        (await ledger.RecordAsync(entry, "engine", "ladder step 2", Ct)).ShouldBeTrue();
        (await ledger.RecordAsync(entry, "engine", "redelivered", Ct)).ShouldBeFalse();
        (await ledger.TransitionAsync("act-1", LedgerStates.Applied, "fortios", "rule added", T0.AddSeconds(3).ToOffset(Plus2), LedgerStates.Requested, cancellationToken: Ct))
            .ShouldBeTrue();

        var snapshot = (await ledger.GetAsync("act-1", Ct)).ShouldNotBeNull();
        snapshot.Action.ShouldBe(entry with { State = LedgerStates.Applied, CreatedAt = T0, ExpiresAt = T0.AddHours(1) });
        snapshot.Action.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        snapshot.UpdatedAt.ShouldBe(T0.AddSeconds(3));
        snapshot.History.ShouldBe(
        [
            new ActionStateChange(1, T0, null, LedgerStates.Requested, "engine", "ladder step 2"),
            new ActionStateChange(2, T0.AddSeconds(3), LedgerStates.Requested, LedgerStates.Applied, "fortios", "rule added"),
        ]);
        (await ledger.CountActiveAsync(Ct)).ShouldBe(1);
        (await ledger.CountCreatedSinceAsync(T0.ToOffset(Plus2), cancellationToken: Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Ledger_UndoState_StoredByRecordAndTransition_ReturnedByGetAndExpiry()
    {
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct);
        var ledger = pg.Ledger;
        const string Undo = """{"graph":"{\"user\":\"alice@contoso.com\",\"wasEnabled\":false}"}""";
        await ledger.RecordAsync(Entry("act-rec", ActionStates.Executed, T0, T0.AddHours(1)) with { UndoState = Undo }, "engine", "", Ct);
        await ledger.RecordAsync(Entry("act-conf", ActionStates.AwaitingConfirmation, T0, T0.AddHours(1)), "engine", "", Ct);

        (await ledger.TransitionAsync("act-conf", ActionStates.Executed, "analyst", "confirmed", T0.AddMinutes(1),
            ActionStates.AwaitingConfirmation, "state-2", Ct)).ShouldBeTrue();

        (await ledger.GetAsync("act-rec", Ct)).ShouldNotBeNull().Action.UndoState.ShouldBe(Undo);
        (await ledger.ListDueForExpiryAsync(T0.AddHours(2), 10, Ct)).Select(a => (a.ActionId, a.UndoState))
            .ShouldBe([("act-conf", "state-2"), ("act-rec", Undo)], ignoreOrder: true);
    }

    [Fact]
    public async Task Ledger_ListDueForExpiry_OrdersByInstantAcrossOffsets()
    {
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct);
        var ledger = pg.Ledger;
        await ledger.RecordAsync(Entry("act-b", LedgerStates.Applied, T0, new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero)), "e", "", Ct);
        await ledger.RecordAsync(Entry("act-a", ActionStates.Executed, T0, new(2026, 12, 6, 10, 30, 0, Plus2)), "e", "", Ct);
        await ledger.RecordAsync(Entry("act-c", LedgerStates.Applied, T0, new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero)), "e", "", Ct);
        await ledger.RecordAsync(Entry("act-d", ActionStates.Released, T0, new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero)), "e", "", Ct);

        var due = await ledger.ListDueForExpiryAsync(new DateTimeOffset(2026, 12, 6, 11, 30, 0, Plus2), 10, Ct);

        due.Select(a => a.ActionId).ShouldBe(["act-a", "act-b"]);
    }

    [Fact]
    public async Task Ledger_TwoWorkersFromSameState_OnlyOneWins()
    {
        RacingContextFactory? racing = null;
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct, (services, options) =>
        {
            racing = new RacingContextFactory(options.PostgresConnection!);
            services.AddSingleton<IDbContextFactory<AutoRespondDbContext>>(racing);
        });
        var ledger = pg.Ledger;
        await ledger.RecordAsync(Entry("act-1", LedgerStates.Applied, T0, T0.AddHours(1)), "engine", "in place", Ct);

        bool? rivalResult = null;
        racing!.Arm(async () => rivalResult = await ledger.TransitionAsync(
            "act-1", ActionStates.Released, "api:mdr", "released", T0.AddMinutes(5), LedgerStates.Applied, cancellationToken: Ct));
        var result = await ledger.TransitionAsync(
            "act-1", ActionStates.Expired, "expiry", "due", T0.AddMinutes(5), LedgerStates.Applied, cancellationToken: Ct);

        rivalResult.ShouldBe(true);
        result.ShouldBeFalse();
        var snapshot = (await ledger.GetAsync("act-1", Ct)).ShouldNotBeNull();
        snapshot.Action.State.ShouldBe(ActionStates.Released);
        snapshot.History.Select(h => h.ToState).ShouldBe([LedgerStates.Applied, ActionStates.Released]);
    }

    [Fact]
    public async Task IncidentsAndAudit_JsonbAndArrayColumns_RoundTrip()
    {
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct);
        var device = new DeviceRef("10.10.0.66", "02:00:00:00:00:66", "eng-laptop", "Computing");
        var breach = new Breach(
            "brc-1", ModelIds.UnusualAdminRdp, T0.ToOffset(Plus2), device, 0.9, "admin RDP",
            new Dictionary<string, object> { ["cookie"] = "admin" }, ["10.20.0.10"]);
        var incident = new IncidentScored(
            "inc-1", 1, T0, device, T0.AddHours(-1).ToOffset(Plus2), T0, 0.9, "ics-sabotage",
            [ModelIds.UnusualAdminRdp], ["T0886"], "admin RDP from a new device", [breach]);

        (await pg.Incidents.UpsertAsync(incident, Ct)).ShouldBeTrue();
        (await pg.Incidents.UpsertAsync(incident with { Revision = 2, Score = 0.97 }, Ct)).ShouldBeTrue();
        var id = await pg.Audit.AppendAsync(
            new AuditEntry(T0.ToOffset(Plus2), "api:mdr", "acknowledge", "incident", "inc-1", """{"note":"on it"}""", "inc-1"), Ct);

        var stored = (await pg.Incidents.GetAsync("inc-1", Ct)).ShouldNotBeNull();
        stored.Latest.Revision.ShouldBe(2);
        stored.Latest.FirstSeen.ShouldBe(T0.AddHours(-1));
        stored.Latest.Breaches.ShouldHaveSingleItem().Peers.ShouldBe(["10.20.0.10"]);
        (await pg.Incidents.ListAsync(T0.AddHours(-2), T0.AddHours(1), 0.5, 10, Ct)).ShouldHaveSingleItem();
        var audit = (await pg.Audit.ListAsync(new AuditQuery(IncidentId: "inc-1"), Ct)).ShouldHaveSingleItem();
        audit.Id.ShouldBe(id);
        audit.Entry.Time.ShouldBe(T0);
    }

    private static ActionLedgerEntry Entry(string id, string state, DateTimeOffset createdAt, DateTimeOffset? expiresAt) =>
        new(id, "inc-1", ActionKinds.FirewallBlock, "10.10.0.66", state, createdAt, expiresAt, 3, null, "score 0.9");
}
