using System.Text.Json;
using AutoRespond.Contracts;

namespace AutoRespond.Storage.Tests;

public sealed class IncidentStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    private SqliteStorage _storage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IIncidentStore Store => _storage.Incidents;

    public async ValueTask InitializeAsync() => _storage = await SqliteStorage.CreateAsync();

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task UpsertAsync_NewIncident_StoresSnapshotOpenAndInUtc()
    {
        var incident = Incident("inc-1", revision: 1, score: 0.8, breaches: 1) with
        {
            FirstSeen = T0.ToOffset(TimeSpan.FromHours(1)),
        };

        (await Store.UpsertAsync(incident, Ct)).ShouldBeTrue();

        var stored = (await Store.GetAsync("inc-1", Ct)).ShouldNotBeNull();
        stored.State.ShouldBe(IncidentStates.Open);
        stored.Latest.Revision.ShouldBe(1);
        stored.Latest.FirstSeen.ShouldBe(T0);
        stored.Latest.FirstSeen.Offset.ShouldBe(TimeSpan.Zero);
        stored.Latest.Models.ShouldBe([ModelIds.UnusualAdminRdp]);
        var breach = stored.Latest.Breaches.ShouldHaveSingleItem();
        breach.Id.ShouldBe("brc-1");
        ((JsonElement)breach.Evidence["port"]).GetInt32().ShouldBe(3389);
        (await Store.GetAsync("inc-missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task UpsertAsync_HigherRevision_UpdatesAndAddsBreachesButKeepsState()
    {
        await Store.UpsertAsync(Incident("inc-1", revision: 1, score: 0.8, breaches: 1), Ct);
        (await Store.SetStateAsync("inc-1", IncidentStates.Acknowledged, Ct)).ShouldBeTrue();

        (await Store.UpsertAsync(Incident("inc-1", revision: 2, score: 0.97, breaches: 3), Ct)).ShouldBeTrue();

        var stored = (await Store.GetAsync("inc-1", Ct)).ShouldNotBeNull();
        stored.State.ShouldBe(IncidentStates.Acknowledged);
        stored.Latest.Revision.ShouldBe(2);
        stored.Latest.Score.ShouldBe(0.97);
        stored.Latest.Breaches.Select(b => b.Id).ShouldBe(["brc-1", "brc-2", "brc-3"]);
        await using var db = await _storage.CreateContextAsync();
        db.Breaches.Count(b => b.IncidentId == "inc-1").ShouldBe(3);
    }

    [Fact]
    public async Task UpsertAsync_SameOrLowerRevision_ReturnsFalseAndKeepsNewer()
    {
        await Store.UpsertAsync(Incident("inc-1", revision: 5, score: 0.9, breaches: 2), Ct);

        (await Store.UpsertAsync(Incident("inc-1", revision: 5, score: 0.1, breaches: 1), Ct)).ShouldBeFalse();
        (await Store.UpsertAsync(Incident("inc-1", revision: 4, score: 0.1, breaches: 1), Ct)).ShouldBeFalse();

        var stored = (await Store.GetAsync("inc-1", Ct)).ShouldNotBeNull();
        stored.Latest.Revision.ShouldBe(5);
        stored.Latest.Score.ShouldBe(0.9);
    }

    [Fact]
    public async Task ListAsync_FiltersByOverlapAndScore_NewestFirst()
    {
        await Store.UpsertAsync(Incident("inc-old", 1, 0.9, 1, lastSeen: T0.AddHours(-5)), Ct);
        await Store.UpsertAsync(Incident("inc-low", 1, 0.3, 1, lastSeen: T0.AddHours(1)), Ct);
        await Store.UpsertAsync(Incident("inc-a", 1, 0.9, 1, lastSeen: T0.AddHours(1)), Ct);
        await Store.UpsertAsync(Incident("inc-b", 1, 0.95, 1, lastSeen: T0.AddHours(2)), Ct);

        var from = T0.ToOffset(TimeSpan.FromHours(2));
        var list = await Store.ListAsync(from, T0.AddDays(1), minScore: 0.5, max: 10, Ct);

        list.Select(i => i.Latest.Id).ShouldBe(["inc-b", "inc-a"]);
        (await Store.ListAsync(from, T0.AddDays(1), 0.5, 1, Ct)).ShouldHaveSingleItem().Latest.Id.ShouldBe("inc-b");
    }

    [Fact]
    public async Task SetStateAsync_UnknownIncidentOrState_IsRejected()
    {
        (await Store.SetStateAsync("inc-missing", IncidentStates.Closed, Ct)).ShouldBeFalse();
        await Should.ThrowAsync<ArgumentException>(() => Store.SetStateAsync("inc-1", "resolved", Ct));
    }

    private static IncidentScored Incident(
        string id, int revision, double score, int breaches, DateTimeOffset? lastSeen = null)
    {
        var device = new DeviceRef("10.10.0.66", "02:00:00:00:00:66", "eng-laptop", "Computing");
        var list = Enumerable.Range(1, breaches)
            .Select(n => new Breach(
                $"brc-{n}",
                ModelIds.UnusualAdminRdp,
                T0.AddMinutes(n),
                device,
                score,
                "admin RDP to WinCC",
                new Dictionary<string, object> { ["port"] = 3389, ["cookie"] = "admin" },
                ["10.20.0.10"]))
            .ToList();
        return new IncidentScored(
            id,
            revision,
            T0.AddMinutes(revision),
            device,
            T0.AddHours(-1),
            lastSeen ?? T0.AddMinutes(breaches),
            score,
            "ics-sabotage",
            [ModelIds.UnusualAdminRdp],
            ["T0886"],
            "admin RDP from a new device",
            list);
    }
}
