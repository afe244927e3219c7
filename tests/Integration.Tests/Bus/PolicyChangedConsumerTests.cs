using System.Collections.Concurrent;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Responders;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Policy;
using AutoRespond.Storage;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// Hot reload over the in-memory bus: <see cref="PolicyChanged"/> reaches <see cref="PolicyChangedConsumer"/>, which
/// loads the version from the (SQLite) policy store and swaps it into the engine's <see cref="PolicyProvider"/>.
/// </summary>
public sealed class PolicyChangedConsumerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 23, 0, 0, TimeSpan.Zero);

    private static readonly AutoRespondConfig FileConfig = AutoRespondConfig.Default with
    {
        Response = ResponseConfig.Default with
        {
            Mode = ResponseMode.DryRun,
            Ladder = [new LadderStep(0.5, [ActionKinds.Ticket], null, null)],
        },
    };

    private static readonly ResponseConfig BlockPolicy = new()
    {
        Mode = ResponseMode.DryRun,
        Ladder = [new LadderStep(0.5, [ActionKinds.Ticket, ActionKinds.FirewallBlock], TimeSpan.FromHours(4), null)],
        Limits = new LimitsConfig(5, 5),
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("ar-policy-bus-").FullName;
    private readonly ConsumedPolicies _consumed = new();
    private IHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPolicyStore Store => _host.Services.GetRequiredService<IPolicyStore>();

    private PolicyProvider Provider => _host.Services.GetRequiredService<PolicyProvider>();

    public async ValueTask InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddAutoRespondStorage(new StorageOptions
        {
            Provider = AutoRespond.Storage.StorageProvider.Sqlite,
            SqlitePath = Path.Combine(_directory, "autorespond.db"),
        });
        builder.Services.AddResponseEngine(FileConfig);
        builder.Services.AddAutoRespondBus(BusSettings.InMemory, x => x.AddConsumer<PolicyChangedConsumer, PolicyChangedConsumerDefinition>());
        _host = builder.Build();
        await StorageInitializer.MigrateAsync(_host.Services, Ct);
        using var start = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        start.CancelAfter(Timeout);
        await _host.StartAsync(start.Token);
        _host.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(_consumed);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
            await _host.StopAsync(stop.Token);
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task PolicyChanged_ValidVersion_IsSwappedIn_AndTheNextDecisionUsesTheNewLadder()
    {
        int version = await Store.SaveAsync(ResponsePolicyJson.Serialize(BlockPolicy), "alice", "add firewall-block", T0, Ct);

        await PublishAndWaitAsync(new PolicyChanged(version, "alice", T0));

        Provider.Current.Version.ShouldBe(version);
        Provider.Current.Response.Limits.ShouldBe(new LimitsConfig(5, 5));
        var incident = Incident("inc-after-swap");
        await _host.Services.GetRequiredService<ResponseEngine>().HandleAsync(incident, Ct);
        var block = (await _host.Services.GetRequiredService<IActionLedger>()
            .GetAsync(LadderPlanner.ActionIdFor(incident, ActionKinds.FirewallBlock), Ct)).ShouldNotBeNull().Action;
        block.State.ShouldBe(ActionStates.DryRun);
        block.PolicyVersion.ShouldBe(version);
    }

    [Fact]
    public async Task PolicyChanged_InvalidVersion_IsRejected_AndThePreviousPolicyStays()
    {
        int good = await Store.SaveAsync(ResponsePolicyJson.Serialize(BlockPolicy), "alice", null, T0, Ct);
        await PublishAndWaitAsync(new PolicyChanged(good, "alice", T0));
        int bad = await Store.SaveAsync("""{"mode":"autonomous","ladder":[{"min_score":0.1,"actions":["ticket"],"duration":"1h"}]}""",
            "mallory", "oops", T0.AddMinutes(1), Ct);

        await PublishAndWaitAsync(new PolicyChanged(bad, "mallory", T0.AddMinutes(1)));

        Provider.Current.Version.ShouldBe(good);
        Provider.Current.Response.ShouldBe(ResponsePolicyJson.Parse(ResponsePolicyJson.Serialize(BlockPolicy), FileConfig.Network),
            new ResponseConfigComparer());
        var incident = Incident("inc-after-reject");
        await _host.Services.GetRequiredService<ResponseEngine>().HandleAsync(incident, Ct);
        var ticket = (await _host.Services.GetRequiredService<IActionLedger>()
            .GetAsync(LadderPlanner.ActionIdFor(incident, ActionKinds.Ticket), Ct)).ShouldNotBeNull().Action;
        ticket.State.ShouldBe(ActionStates.DryRun); // still dry-run, not the rejected autonomous
        ticket.PolicyVersion.ShouldBe(good);
    }

    private static IncidentScored Incident(string id) =>
        SampleIncidents.FailedInternalConnections(id) with { Score = 0.9 };

    private async Task PublishAndWaitAsync(PolicyChanged message)
    {
        var consumed = _consumed.WaitFor(message.Version);
        await _host.Services.GetRequiredService<IBus>().Publish(message, Ct);
        await consumed.WaitAsync(Timeout, Ct);
    }

    /// <summary>Completes when the consumer has finished with a version (successfully or not).</summary>
    private sealed class ConsumedPolicies : IConsumeMessageObserver<PolicyChanged>
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _done = new();

        public Task WaitFor(int version) => Slot(version).Task;

        public Task PreConsume(ConsumeContext<PolicyChanged> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<PolicyChanged> context)
        {
            Slot(context.Message.Version).TrySetResult();
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<PolicyChanged> context, Exception exception)
        {
            Slot(context.Message.Version).TrySetException(exception);
            return Task.CompletedTask;
        }

        private TaskCompletionSource Slot(int version) =>
            _done.GetOrAdd(version, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class ResponseConfigComparer : IEqualityComparer<ResponseConfig>
    {
        public bool Equals(ResponseConfig? x, ResponseConfig? y) =>
            x is not null && y is not null && x.Mode == y.Mode && x.Limits == y.Limits
            && ResponsePolicyJson.Serialize(x) == ResponsePolicyJson.Serialize(y);

        public int GetHashCode(ResponseConfig obj) => obj.Mode.GetHashCode();
    }
}
