using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage.Tests;

public sealed class PolicyStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private SqliteStorage _storage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPolicyStore Policies => _storage.Policies;

    public async ValueTask InitializeAsync() => _storage = await SqliteStorage.CreateAsync();

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task Empty_HasNoCurrentNoVersionAndAnEmptyList()
    {
        (await Policies.GetCurrentAsync(Ct)).ShouldBeNull();
        (await Policies.GetAsync(1, Ct)).ShouldBeNull();
        (await Policies.ListAsync(10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_AppendsAscendingVersions_AndRoundTrips()
    {
        (await Policies.SaveAsync("""{"mode":"dry-run"}""", "alice", "first", T0.ToOffset(TimeSpan.FromHours(2)), Ct)).ShouldBe(1);
        (await Policies.SaveAsync("""{"mode":"confirm"}""", "bob", null, T0.AddMinutes(5), Ct)).ShouldBe(2);
        (await Policies.SaveAsync("""{"mode":"autonomous"}""", "alice", "go live", T0.AddMinutes(9), Ct)).ShouldBe(3);

        var current = (await Policies.GetCurrentAsync(Ct)).ShouldNotBeNull();
        current.Version.ShouldBe(3);
        current.CreatedBy.ShouldBe("alice");
        current.Note.ShouldBe("go live");
        JsonDocument.Parse(current.Json).RootElement.GetProperty("mode").GetString().ShouldBe("autonomous");

        var first = (await Policies.GetAsync(1, Ct)).ShouldNotBeNull();
        first.CreatedAt.ShouldBe(T0);
        first.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        first.Note.ShouldBe("first");
        JsonDocument.Parse(first.Json).RootElement.GetProperty("mode").GetString().ShouldBe("dry-run");
        (await Policies.GetAsync(2, Ct)).ShouldNotBeNull().Note.ShouldBeNull();

        (await Policies.ListAsync(2, Ct)).Select(p => p.Version).ShouldBe([3, 2]);
        (await Policies.ListAsync(10, Ct)).Select(p => p.Version).ShouldBe([3, 2, 1]);
    }

    [Fact]
    public async Task SaveAsync_NeverChangesEarlierVersions()
    {
        await Policies.SaveAsync("""{"n":1}""", "alice", "one", T0, Ct);
        var before = (await Policies.GetAsync(1, Ct)).ShouldNotBeNull();

        await Policies.SaveAsync("""{"n":2}""", "bob", "two", T0.AddHours(1), Ct);
        await Policies.SaveAsync("""{"n":1}""", "carol", "back to one", T0.AddHours(2), Ct);

        (await Policies.GetAsync(1, Ct)).ShouldBe(before);
        (await Policies.ListAsync(10, Ct)).Count.ShouldBe(3);
        (await Policies.GetCurrentAsync(Ct)).ShouldNotBeNull().Version.ShouldBe(3);
        await using var db = await _storage.CreateContextAsync();
        (await db.Policies.CountAsync(Ct)).ShouldBe(3);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task SaveAsync_NotAJsonObject_ThrowsAndAddsNoVersion(string json)
    {
        await Should.ThrowAsync<ArgumentException>(() => Policies.SaveAsync(json, "alice", null, T0, Ct));

        (await Policies.GetCurrentAsync(Ct)).ShouldBeNull();
    }
}
