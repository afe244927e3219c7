using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Engine;

/// <summary>The engine's decisions on the real ledger (SQLite file, migrated like production).</summary>
public sealed class LedgerActionRecorderTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("ar-ledger-").FullName, "ledger.db");
        _services = new ServiceCollection()
            .AddAutoRespondStorage(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = path })
            .BuildServiceProvider();
        await StorageInitializer.MigrateAsync(_services, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Record_NewThenSameThenChanged_WritesCreateAndOneTransition()
    {
        var ct = TestContext.Current.CancellationToken;
        var ledger = _services.GetRequiredService<IActionLedger>();
        var recorder = new LedgerActionRecorder(ledger);
        var held = Decision(ActionStates.AwaitingConfirmation, T0);

        (await recorder.RecordAsync(held, ct)).ShouldBeTrue();
        (await recorder.RecordAsync(held with { Time = T0.AddMinutes(1) }, ct)).ShouldBeFalse();
        (await recorder.RecordAsync(Decision(ActionStates.Executed, T0.AddMinutes(5)), ct)).ShouldBeTrue();

        var snapshot = (await ledger.GetAsync("act-1", ct)).ShouldNotBeNull();
        snapshot.Action.State.ShouldBe(ActionStates.Executed);
        snapshot.Action.ExpiresAt.ShouldBe(T0.AddHours(1));
        snapshot.History.Select(h => h.ToState).ShouldBe([ActionStates.AwaitingConfirmation, ActionStates.Executed]);
        snapshot.History.ShouldAllBe(h => h.Actor == LedgerActionRecorder.Actor);
    }

    private static ActionDecision Decision(string state, DateTimeOffset time) =>
        new("act-1", "inc-1", ActionKinds.FirewallBlock, "10.10.0.66", state, time, T0.AddHours(1), null, "because", null, 2);
}
