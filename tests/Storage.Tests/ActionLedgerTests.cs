using AutoRespond.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AutoRespond.Storage.Tests.LedgerSamples;

namespace AutoRespond.Storage.Tests;

public sealed class ActionLedgerTests : IAsyncLifetime
{
    private SqliteStorage _storage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IActionLedger Ledger => _storage.Ledger;

    public async ValueTask InitializeAsync() => _storage = await SqliteStorage.CreateAsync();

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task RecordAsync_NewAction_StoresItWithFirstHistoryEntry()
    {
        var entry = Entry("act-1", expiresAt: T0.AddHours(1)) with { WindowName = "EHR upgrade" };

        (await Ledger.RecordAsync(entry, "engine", "ladder step 3", Ct)).ShouldBeTrue();

        var snapshot = (await Ledger.GetAsync("act-1", Ct)).ShouldNotBeNull();
        snapshot.Action.ShouldBe(entry);
        snapshot.UpdatedAt.ShouldBe(T0);
        snapshot.History.ShouldHaveSingleItem()
            .ShouldBe(new ActionStateChange(1, T0, null, LedgerStates.Requested, "engine", "ladder step 3"));
    }

    [Fact]
    public async Task RecordAsync_SameIdAgain_ReturnsFalseAndChangesNothing()
    {
        (await Ledger.RecordAsync(Entry("act-1"), "engine", "first", Ct)).ShouldBeTrue();

        var again = Entry("act-1", state: ActionStates.Executed) with { Reason = "redelivered" };
        (await Ledger.RecordAsync(again, "engine", "second", Ct)).ShouldBeFalse();

        var snapshot = (await Ledger.GetAsync("act-1", Ct)).ShouldNotBeNull();
        snapshot.Action.ShouldBe(Entry("act-1"));
        snapshot.History.ShouldHaveSingleItem().Detail.ShouldBe("first");
    }

    [Fact]
    public async Task UndoState_RecordedOrSetByTransition_ReturnedByGetAndExpiryAndKeptByLaterTransitions()
    {
        const string Undo = """{"graph":"{\"user\":\"alice@contoso.com\",\"moved\":[]}"}""";
        await Ledger.RecordAsync(Entry("act-rec", ActionStates.Executed, expiresAt: T0.AddHours(1)) with { UndoState = Undo }, "engine", "", Ct);
        await Ledger.RecordAsync(Entry("act-conf", ActionStates.AwaitingConfirmation, expiresAt: T0.AddHours(1)), "engine", "", Ct);

        (await Ledger.TransitionAsync("act-conf", ActionStates.Executed, "analyst", "confirmed", T0.AddMinutes(1),
            ActionStates.AwaitingConfirmation, "state-2", Ct)).ShouldBeTrue();
        (await Ledger.TransitionAsync("act-conf", ActionStates.Executed, "analyst", "extended", T0.AddMinutes(2),
            ActionStates.Executed, cancellationToken: Ct)).ShouldBeTrue();

        (await Ledger.GetAsync("act-rec", Ct)).ShouldNotBeNull().Action.UndoState.ShouldBe(Undo);
        (await Ledger.GetAsync("act-conf", Ct)).ShouldNotBeNull().Action.UndoState.ShouldBe("state-2");
        (await Ledger.ListDueForExpiryAsync(T0.AddHours(2), 10, Ct)).Select(a => (a.ActionId, a.UndoState))
            .ShouldBe([("act-conf", "state-2"), ("act-rec", Undo)], ignoreOrder: true);
        (await Ledger.GetAsync("act-conf", Ct)).ShouldNotBeNull().History.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TransitionAsync_Twice_UpdatesStateAndAppendsHistoryInOrder()
    {
        await Ledger.RecordAsync(Entry("act-1"), "engine", "planned", Ct);

        (await Ledger.TransitionAsync("act-1", LedgerStates.Applied, "fortios", "rule added", T0.AddSeconds(2), cancellationToken: Ct))
            .ShouldBeTrue();
        (await Ledger.TransitionAsync("act-1", ActionStates.Expired, "expiry", "due", T0.AddHours(1), LedgerStates.Applied, cancellationToken: Ct))
            .ShouldBeTrue();

        var snapshot = (await Ledger.GetAsync("act-1", Ct)).ShouldNotBeNull();
        snapshot.Action.State.ShouldBe(ActionStates.Expired);
        snapshot.UpdatedAt.ShouldBe(T0.AddHours(1));
        snapshot.History.Select(h => (h.Sequence, h.FromState, h.ToState)).ShouldBe(
        [
            (1, null, LedgerStates.Requested),
            (2, LedgerStates.Requested, LedgerStates.Applied),
            (3, LedgerStates.Applied, ActionStates.Expired),
        ]);
    }

    [Fact]
    public async Task TransitionAsync_ExpectedStateDiffers_ReturnsFalse()
    {
        await Ledger.RecordAsync(Entry("act-1"), "engine", "planned", Ct);

        (await Ledger.TransitionAsync("act-1", ActionStates.Expired, "expiry", "due", T0, LedgerStates.Applied, cancellationToken: Ct))
            .ShouldBeFalse();

        (await Ledger.GetAsync("act-1", Ct)).ShouldNotBeNull().History.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TransitionAsync_UnknownActionOrState_IsRejected()
    {
        (await Ledger.TransitionAsync("act-missing", LedgerStates.Applied, "x", "y", T0, cancellationToken: Ct)).ShouldBeFalse();
        await Should.ThrowAsync<ArgumentException>(() =>
            Ledger.TransitionAsync("act-missing", "appplied", "x", "y", T0, cancellationToken: Ct));
        await Should.ThrowAsync<ArgumentException>(() => Ledger.RecordAsync(Entry("act-2", state: "done"), "x", "y", Ct));
    }

    [Fact]
    public async Task TransitionAsync_TwoWorkersFromSameState_OnlyOneWins()
    {
        RacingContextFactory? racing = null;
        await using var storage = await SqliteStorage.CreateAsync((services, options) =>
        {
            racing = new RacingContextFactory(options.SqlitePath);
            services.AddSingleton<IDbContextFactory<AutoRespondDbContext>>(racing);
        });
        var ledger = storage.Ledger;
        await ledger.RecordAsync(Entry("act-1", state: LedgerStates.Applied), "engine", "in place", Ct);

        // Both workers read "applied" (version 1); the rival (an analyst's release) commits first.
        bool? rivalResult = null;
        racing!.Arm(async () => rivalResult = await ledger.TransitionAsync(
            "act-1", ActionStates.Released, "api:mdr", "released by analyst", T0.AddMinutes(5), LedgerStates.Applied, cancellationToken: Ct));

        var result = await ledger.TransitionAsync(
            "act-1", ActionStates.Expired, "expiry", "due", T0.AddMinutes(5), LedgerStates.Applied, cancellationToken: Ct);

        rivalResult.ShouldBe(true);
        result.ShouldBeFalse();
        var snapshot = (await ledger.GetAsync("act-1", Ct)).ShouldNotBeNull();
        snapshot.Action.State.ShouldBe(ActionStates.Released);
        snapshot.History.Select(h => h.ToState).ShouldBe([LedgerStates.Applied, ActionStates.Released]);
    }

    [Fact]
    public async Task ListDueForExpiryAsync_MixedOffsets_ComparesAndOrdersByInstant()
    {
        var plus2 = TimeSpan.FromHours(2);
        // 10:30+02:00 is 08:30Z: due, and earlier than 09:00Z although its local text sorts later.
        await Ledger.RecordAsync(Entry("act-b", LedgerStates.Applied, expiresAt: new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero)), "e", "", Ct);
        await Ledger.RecordAsync(Entry("act-a", ActionStates.Executed, expiresAt: new(2026, 12, 6, 10, 30, 0, plus2)), "e", "", Ct);
        // 10:00Z is after now (11:30+02:00 = 09:30Z) although "10:00" < "11:30" as text: not due.
        await Ledger.RecordAsync(Entry("act-c", LedgerStates.Applied, expiresAt: new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero)), "e", "", Ct);
        // Due but not in an expirable state, or never expiring.
        await Ledger.RecordAsync(Entry("act-d", ActionStates.Released, expiresAt: new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero)), "e", "", Ct);
        await Ledger.RecordAsync(Entry("act-e", LedgerStates.Applied), "e", "", Ct);

        var due = await Ledger.ListDueForExpiryAsync(new DateTimeOffset(2026, 12, 6, 11, 30, 0, plus2), 10, Ct);

        due.Select(a => a.ActionId).ShouldBe(["act-a", "act-b"]);
        due[0].ExpiresAt.ShouldBe(new DateTimeOffset(2026, 12, 6, 8, 30, 0, TimeSpan.Zero));
        due[0].ExpiresAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
        (await Ledger.ListDueForExpiryAsync(new DateTimeOffset(2026, 12, 6, 11, 30, 0, plus2), 1, Ct))
            .ShouldHaveSingleItem().ActionId.ShouldBe("act-a");
    }

    [Fact]
    public async Task CountActiveAndCreatedSince_CountTheRightRows()
    {
        await Ledger.RecordAsync(Entry("act-1", LedgerStates.Requested, createdAt: T0), "e", "", Ct);
        await Ledger.RecordAsync(Entry("act-2", LedgerStates.Applied, createdAt: T0.AddMinutes(30)), "e", "", Ct);
        await Ledger.RecordAsync(Entry("act-3", ActionStates.Executed, createdAt: T0.AddMinutes(50)), "e", "", Ct);
        await Ledger.RecordAsync(Entry("act-4", ActionStates.BlockedLimit, createdAt: T0.AddMinutes(55)), "e", "", Ct);
        await Ledger.RecordAsync(Entry("act-5", ActionStates.Expired, createdAt: T0.AddMinutes(-90)), "e", "", Ct);

        (await Ledger.CountActiveAsync(Ct)).ShouldBe(3);
        var since = T0.AddMinutes(30).ToOffset(TimeSpan.FromHours(-5));
        (await Ledger.CountCreatedSinceAsync(since, cancellationToken: Ct)).ShouldBe(3);
        (await Ledger.CountCreatedSinceAsync(since, LedgerStates.Active, Ct)).ShouldBe(2);
    }
}
