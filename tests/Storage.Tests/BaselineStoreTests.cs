using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Storage.Tests;

public sealed class BaselineStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Wall);
    private SqliteStorage _storage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IBaselineStore Baselines => _storage.Baselines;

    public async ValueTask InitializeAsync() =>
        _storage = await SqliteStorage.CreateAsync((services, _) => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task LoadAsync_NothingSaved_ReturnsNull()
    {
        (await Baselines.LoadAsync("default", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_RoundTripsJsonAndTimesInUtc()
    {
        await Baselines.SaveAsync("default", """{"version":1,"states":[{"owner":"x"}]}""", T0.ToOffset(TimeSpan.FromHours(2)), Ct);

        var loaded = (await Baselines.LoadAsync("default", Ct)).ShouldNotBeNull();
        JsonDocument.Parse(loaded.Json).RootElement.GetProperty("states")[0].GetProperty("owner").GetString().ShouldBe("x");
        loaded.UpTo.ShouldBe(T0);
        loaded.UpTo.Offset.ShouldBe(TimeSpan.Zero);
        loaded.UpdatedAt.ShouldBe(Wall);
    }

    [Fact]
    public async Task SaveAsync_Twice_ReplacesTheSnapshotOfThatPartitionOnly()
    {
        await Baselines.SaveAsync("default", """{"n":1}""", T0, Ct);
        await Baselines.SaveAsync("plant-b", """{"n":2}""", T0, Ct);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Baselines.SaveAsync("default", """{"n":3}""", T0.AddHours(1), Ct);

        var first = (await Baselines.LoadAsync("default", Ct)).ShouldNotBeNull();
        JsonDocument.Parse(first.Json).RootElement.GetProperty("n").GetInt32().ShouldBe(3);
        first.UpTo.ShouldBe(T0.AddHours(1));
        first.UpdatedAt.ShouldBe(Wall.AddMinutes(5));
        JsonDocument.Parse((await Baselines.LoadAsync("plant-b", Ct))!.Json).RootElement.GetProperty("n").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task SaveAsync_NotJson_ThrowsAndKeepsThePreviousSnapshot()
    {
        await Baselines.SaveAsync("default", """{"n":1}""", T0, Ct);

        await Should.ThrowAsync<ArgumentException>(() => Baselines.SaveAsync("default", "not json", T0.AddHours(1), Ct));

        (await Baselines.LoadAsync("default", Ct)).ShouldNotBeNull().UpTo.ShouldBe(T0);
    }
}
