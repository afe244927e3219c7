using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Responders.Tests;

/// <summary>The responder's real composition (DI, SQLite ledger file migrated like production) on a fake clock.</summary>
internal static class ResponderServices
{
    public static string NewDatabasePath() => Path.Combine(Directory.CreateTempSubdirectory("ar-responders-").FullName, "ledger.db");

    public static async Task<ServiceProvider> BuildAsync(string databasePath, AutoRespondConfig config, FakeTimeProvider time,
        RecordingExecutor executor, ConfirmationOptions? confirmation = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddAutoRespondStorage(new StorageOptions { Provider = AutoRespond.Storage.StorageProvider.Sqlite, SqlitePath = databasePath });
        foreach (var kind in ActionKinds.All) services.AddSingleton<IActionExecutor>(new KindExecutor(kind, executor));
        if (confirmation is not null) services.AddSingleton(confirmation);
        services.AddResponseEngine(config).AddResponseBackgroundServices();
        var provider = services.BuildServiceProvider();
        await StorageInitializer.MigrateAsync(provider, TestContext.Current.CancellationToken);
        return provider;
    }

    /// <summary>One executor per kind, all reporting to the same recorder; revertible kinds can revert.</summary>
    private sealed class KindExecutor(string kind, RecordingExecutor recorder) : IRevertibleActionExecutor
    {
        public string Kind => kind;

        public string Name => "recording";

        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
            recorder.ApplyAsync(action, cancellationToken);

        public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken) =>
            recorder.RevertAsync(revert, cancellationToken);
    }
}

/// <summary>A test double at the target: counts applies and reverts per action id (thread-safe).</summary>
internal sealed class RecordingExecutor
{
    private readonly Lock _lock = new();

    public List<string> Applied { get; } = [];

    public List<string> Reverted { get; } = [];

    /// <summary>The undo state each revert was given, by action id (every apply leaves <c>undo-{action id}</c>).</summary>
    public Dictionary<string, string?> RevertedWith { get; } = [];

    public bool FailReverts { get; set; }

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        lock (_lock) Applied.Add(action.ActionId);
        return ValueTask.FromResult(new DispatchOutcome(true, "applied", "undo-" + action.ActionId));
    }

    public async ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        ActionKinds.IsRevertible(revert.Header.Kind).ShouldBeTrue($"{revert.Header.Kind} cannot be undone but was reverted");
        await Task.Yield(); // let a competing worker interleave
        lock (_lock)
        {
            Reverted.Add(revert.Header.ActionId);
            RevertedWith[revert.Header.ActionId] = revert.UndoState;
        }
        return new DispatchOutcome(!FailReverts, FailReverts ? "target refused" : "removed");
    }

    public int RevertCount
    {
        get { lock (_lock) return Reverted.Count; }
    }
}
