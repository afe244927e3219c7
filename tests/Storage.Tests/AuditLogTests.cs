using System.Text.Json;

namespace AutoRespond.Storage.Tests;

public sealed class AuditLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    private SqliteStorage _storage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAuditLog Audit => _storage.Audit;

    public async ValueTask InitializeAsync() => _storage = await SqliteStorage.CreateAsync();

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task AppendAsync_ThenList_ReturnsEntriesNewestFirstWithIncreasingIds()
    {
        var first = new AuditEntry(T0, "engine", "record", "action", "act-1", """{"step":3}""", "inc-1");
        var second = new AuditEntry(T0.AddMinutes(1).ToOffset(TimeSpan.FromHours(2)), "api:mdr", "release", "action", "act-1");

        var id1 = await Audit.AppendAsync(first, Ct);
        var id2 = await Audit.AppendAsync(second, Ct);

        id2.ShouldBeGreaterThan(id1);
        var list = await Audit.ListAsync(new AuditQuery(), Ct);
        list.Select(r => r.Id).ShouldBe([id2, id1]);
        list[1].Entry.ShouldBe(first);
        list[0].Entry.Time.ShouldBe(second.Time);
        list[0].Entry.Time.Offset.ShouldBe(TimeSpan.Zero);
        JsonDocument.Parse(list[1].Entry.DetailJson!).RootElement.GetProperty("step").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task ListAsync_Filters_ByTimeIncidentAndSubject()
    {
        await Audit.AppendAsync(new AuditEntry(T0, "engine", "record", "action", "act-1", IncidentId: "inc-1"), Ct);
        await Audit.AppendAsync(new AuditEntry(T0.AddMinutes(1), "engine", "record", "action", "act-2", IncidentId: "inc-2"), Ct);
        await Audit.AppendAsync(new AuditEntry(T0.AddMinutes(2), "it", "create", "window", "win-1"), Ct);

        (await Audit.ListAsync(new AuditQuery(IncidentId: "inc-2"), Ct)).ShouldHaveSingleItem().Entry.SubjectId.ShouldBe("act-2");
        (await Audit.ListAsync(new AuditQuery(SubjectType: "window"), Ct)).ShouldHaveSingleItem().Entry.Actor.ShouldBe("it");
        (await Audit.ListAsync(new AuditQuery(From: T0.AddMinutes(1), To: T0.AddMinutes(2)), Ct))
            .ShouldHaveSingleItem().Entry.SubjectId.ShouldBe("act-2");
        (await Audit.ListAsync(new AuditQuery(Max: 2), Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task AppendAsync_DetailNotJson_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            Audit.AppendAsync(new AuditEntry(T0, "engine", "record", "action", "act-1", "not json"), Ct));
        (await Audit.ListAsync(new AuditQuery(), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public void AuditLog_HasNoUpdateOrDeleteMethods()
    {
        typeof(IAuditLog).GetMethods().Select(m => m.Name).ShouldBe(["AppendAsync", "ListAsync"], ignoreOrder: true);
    }
}
