using System.Net;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.IdentityProtection.RiskyUsers.ConfirmCompromised;
using Microsoft.Graph.IdentityProtection.RiskyUsers.Dismiss;
using GraphUser = Microsoft.Graph.Models.User;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// disable-user (INTEGRATIONS.md §1.2–1.3): <c>GET /users/{upn}?$select=id,accountEnabled</c> for the object id, then
/// <c>PATCH /users/{upn}</c> <c>{"accountEnabled":false}</c> (the SDK adds <c>@odata.type</c>) and
/// <c>POST /identityProtection/riskyUsers/confirmCompromised</c> <c>{"userIds":[id]}</c>; verified by reading
/// <c>accountEnabled</c> back. Revert: <c>PATCH {"accountEnabled":true}</c> — unless the account was already disabled
/// before this action — and <c>riskyUsers/dismiss</c>, which sets the risk to none, not to its level before. "Was enabled
/// before" goes out with the apply as its undo state (<see cref="GraphUndoState"/>) for a revert by another or a restarted process.
/// </summary>
internal sealed class GraphDisableUserExecutor(
    GraphClientSource clients, GraphActionRecords records, IReadOnlyDictionary<IPAddress, string> users, ILogger<GraphDisableUserExecutor> logger)
    : GraphExecutorBase(clients, records, users, logger), IRevertibleActionExecutor, IVerifiableActionExecutor
{
    public override string Kind => ActionKinds.DisableUser;

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        if (UserOf(action) is not { } upn)
            return ValueTask.FromResult(NoUser(action.ActionId, action.Target));
        return RunAsync("disable-user", action.ActionId, async session =>
        {
            var graph = session.Graph;
            var user = await ReadUserAsync(graph, upn, cancellationToken);
            var record = Records.AddOrKeep(new GraphActionRecord(action.ActionId, upn, action.Time, user.Id, WasEnabled: user.AccountEnabled != false));
            string undo = new GraphUndoState(upn, WasEnabled: record.WasEnabled).ToJson();
            if (record.Completed && user.AccountEnabled == false)
                return AlreadyInPlace(action.ActionId, upn, $"account {upn} is disabled and confirmed compromised") with { UndoState = undo };
            bool wasDisabled = user.AccountEnabled == false;
            if (!wasDisabled)
                await graph.Users[upn].PatchAsync(new GraphUser { AccountEnabled = false }, cancellationToken: cancellationToken);
            await session.RiskyUsers.IdentityProtection.RiskyUsers.ConfirmCompromised.PostAsync(
                new ConfirmCompromisedPostRequestBody { UserIds = [user.Id!] }, cancellationToken: cancellationToken);
            Records.Set(record with { ObjectId = user.Id, Completed = true });
            var after = await ReadUserAsync(graph, upn, cancellationToken);
            string verified = after.AccountEnabled == false ? "verified: accountEnabled false" : "NOT verified: accountEnabled still reads true";
            if (wasDisabled)
                return AlreadyInPlace(action.ActionId, upn, $"account {upn} was already disabled; compromise confirmed for {user.Id}; {verified}")
                    with { UndoState = undo };
            return after.AccountEnabled == false
                ? Applied(action.ActionId, upn, $"disabled account {upn} and confirmed it compromised ({user.Id}); {verified}") with { UndoState = undo }
                : new DispatchOutcome(false, $"disabled account {upn} but {verified}");
        }, cancellationToken);
    }

    public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        var header = revert.Header;
        var record = Records.Find(header.ActionId);
        var undo = GraphUndoState.Parse(revert.UndoState);
        if ((record?.User ?? undo?.User ?? UserOf(header.ActionId, header.Target)) is not { } upn)
            return ValueTask.FromResult(NoUser(header.ActionId, header.Target));
        bool? wasEnabled = record?.WasEnabled ?? undo?.WasEnabled;
        return RunAsync("revert disable-user", header.ActionId, async session =>
        {
            var graph = session.Graph;
            var user = await ReadUserAsync(graph, upn, cancellationToken);
            if (wasEnabled is null && user.AccountEnabled != false)
                return Reverted(header.ActionId, upn, $"nothing to revert: account {upn} is enabled");
            string account;
            if (wasEnabled == false)
                account = $"account {upn} left disabled: it was disabled before {header.ActionId}";
            else if (user.AccountEnabled == false)
            {
                await graph.Users[upn].PatchAsync(new GraphUser { AccountEnabled = true }, cancellationToken: cancellationToken);
                account = $"enabled account {upn}";
            }
            else
                account = $"account {upn} already enabled";
            await session.RiskyUsers.IdentityProtection.RiskyUsers.Dismiss.PostAsync(
                new DismissPostRequestBody { UserIds = [user.Id!] }, cancellationToken: cancellationToken);
            Records.Remove(header.ActionId);
            var after = await ReadUserAsync(graph, upn, cancellationToken);
            string verified = wasEnabled == false || after.AccountEnabled == true ? "verified" : "NOT verified: accountEnabled reads false";
            return Reverted(header.ActionId, upn, $"{account}; risk dismissed (now none, not its level before); {verified}");
        }, cancellationToken);
    }

    public ValueTask<bool> IsInPlaceAsync(string actionId, string target, CancellationToken ct)
    {
        if (UserOf(actionId, target) is not { } upn)
            return ValueTask.FromResult(false);
        return ReadAsync(async graph => (await ReadUserAsync(graph, upn, ct)).AccountEnabled == false, ct);
    }

    private static async Task<GraphUser> ReadUserAsync(GraphServiceClient graph, string upn, CancellationToken ct) =>
        await graph.Users[upn].GetAsync(rc => rc.QueryParameters.Select = ["id", "accountEnabled"], ct)
        ?? throw new InvalidOperationException("Graph answered an empty user");
}
