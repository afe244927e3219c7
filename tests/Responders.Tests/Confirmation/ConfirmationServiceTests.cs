using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Planning;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Confirmation;

public sealed class ConfirmationServiceTests : IAsyncDisposable
{
    private static readonly AutoRespondConfig ConfirmMode = AutoRespondConfig.Default with
    {
        Response = ResponseConfig.Default with
        {
            Mode = ResponseMode.Confirm,
            Ladder = [new LadderStep(0.5, [ActionKinds.FirewallBlock], TimeSpan.FromHours(1), null)],
        },
    };

    private static readonly string BlockId = LadderPlanner.ActionIdFor(Scored(0.9), ActionKinds.FirewallBlock);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecordingExecutor _target = new();
    private ServiceProvider? _services;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    private async Task<ConfirmationService> HeldAsync(ConfirmationOptions? options = null)
    {
        _services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), ConfirmMode, _time, _target,
            options ?? new ConfirmationOptions());
        await _services.GetRequiredService<ResponseEngine>().HandleAsync(Scored(0.9, time: _time.GetUtcNow()), Ct);
        (await StateAsync()).ShouldBe(ActionStates.AwaitingConfirmation);
        return _services.GetRequiredService<ConfirmationService>();
    }

    private async Task<string?> StateAsync() =>
        (await _services!.GetRequiredService<IActionLedger>().GetAsync(BlockId, Ct))?.Action.State;

    [Fact]
    public async Task Approve_Held_ExecutesOnceAndRecordsWho()
    {
        var confirmations = await HeldAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        var result = await confirmations.ApproveAsync(BlockId, "alice", "confirmed with the ward", Ct);
        result.State.ShouldBe(ActionStates.Executed);
        (await confirmations.ApproveAsync(BlockId, "bob", "me too", Ct)).Status.ShouldBe(ConfirmationStatus.WrongState);
        _target.Applied.ShouldBe([BlockId]);
        var snapshot = (await _services!.GetRequiredService<IActionLedger>().GetAsync(BlockId, Ct)).ShouldNotBeNull();
        snapshot.History.ShouldContain(h => h.Actor == "alice" && h.Detail.Contains("approved by alice: confirmed with the ward"));
        // The hour starts at approval: the expiry marker is approval time + 1 h.
        AutoRespond.Responders.Expiry.LedgerMarkers.EffectiveExpiry(snapshot).ShouldBe(T0.AddMinutes(65));
    }

    [Fact]
    public async Task Deny_Held_ReleasedAndNothingSent()
    {
        var confirmations = await HeldAsync();
        (await confirmations.DenyAsync(BlockId, "alice", "planned test", Ct)).State.ShouldBe(ActionStates.Released);
        (await StateAsync()).ShouldBe(ActionStates.Released);
        _target.Applied.ShouldBeEmpty();
        (await confirmations.ApproveAsync(BlockId, "bob", "too late", Ct)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Timeout_FailSafeDrop_ExpiresWithoutSending()
    {
        var confirmations = await HeldAsync(new ConfirmationOptions { ApprovalTimeout = TimeSpan.FromMinutes(30) });
        _time.Advance(TimeSpan.FromMinutes(29));
        (await confirmations.CheckTimeoutsAsync(Ct)).ShouldBe(0);
        _time.Advance(TimeSpan.FromMinutes(1));
        (await confirmations.CheckTimeoutsAsync(Ct)).ShouldBe(1);
        (await StateAsync()).ShouldBe(ActionStates.Expired);
        _target.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Timeout_FailSafeAct_ExecutesAsTimeoutActor()
    {
        var confirmations = await HeldAsync(new ConfirmationOptions { OnTimeout = ConfirmationFailSafe.Act });
        _time.Advance(TimeSpan.FromMinutes(30));
        (await confirmations.CheckTimeoutsAsync(Ct)).ShouldBe(1);
        (await confirmations.CheckTimeoutsAsync(Ct)).ShouldBe(0);
        (await StateAsync()).ShouldBe(ActionStates.Executed);
        _target.Applied.ShouldBe([BlockId]);
        var snapshot = (await _services!.GetRequiredService<IActionLedger>().GetAsync(BlockId, Ct)).ShouldNotBeNull();
        snapshot.History.ShouldContain(h => h.Actor == ConfirmationService.TimeoutActor);
    }

    [Fact]
    public async Task Extend_Held_PushesTheDeadline()
    {
        var confirmations = await HeldAsync();
        (await confirmations.ExtendAsync(BlockId, "alice", "asking the ward", TimeSpan.FromHours(1), Ct)).Succeeded.ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(31));
        (await confirmations.CheckTimeoutsAsync(Ct)).ShouldBe(0);
        _time.Advance(TimeSpan.FromHours(1));
        (await confirmations.CheckTimeoutsAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Release_Executed_RevertsOnceThenRefuses()
    {
        var confirmations = await HeldAsync();
        await confirmations.ApproveAsync(BlockId, "alice", "go", Ct);
        var released = await confirmations.ReleaseAsync(BlockId, "bob", "false positive", Ct);
        released.State.ShouldBe(ActionStates.Released);
        (await confirmations.ReleaseAsync(BlockId, "bob", "again", Ct)).Status.ShouldBe(ConfirmationStatus.WrongState);
        _target.Reverted.ShouldBe([BlockId]);
        _target.RevertedWith[BlockId].ShouldBe("undo-" + BlockId); // stored when the approval executed it
        (await StateAsync()).ShouldBe(ActionStates.Released);
    }

    [Fact]
    public async Task Unknown_NotFound()
    {
        var confirmations = await HeldAsync();
        (await confirmations.ApproveAsync("act-nope", "alice", "?", Ct)).Status.ShouldBe(ConfirmationStatus.NotFound);
    }
}
