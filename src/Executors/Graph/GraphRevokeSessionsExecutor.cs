using System.Globalization;
using System.Net;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// revoke-sessions (INTEGRATIONS.md §1.1): <c>POST /users/{upn}/revokeSignInSessions</c> (the service answers 200
/// <c>{"value":true}</c>; any 2xx is success), verified by reading <c>signInSessionsValidFromDateTime</c>. One-way: there is
/// no undo. Already in place when the sessions were revoked at or after the action's time (a redelivered command sends nothing).
/// </summary>
internal sealed class GraphRevokeSessionsExecutor(
    GraphClientSource clients, GraphActionRecords records, IReadOnlyDictionary<IPAddress, string> users, ILogger<GraphRevokeSessionsExecutor> logger)
    : GraphExecutorBase(clients, records, users, logger), IVerifiableActionExecutor
{
    public override string Kind => ActionKinds.RevokeSessions;

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        if (UserOf(action) is not { } upn)
            return ValueTask.FromResult(NoUser(action.ActionId, action.Target));
        return RunAsync("revokeSignInSessions", action.ActionId, async session =>
        {
            var graph = session.Graph;
            var since = Second(action.Time);
            var before = await ValidFromAsync(graph, upn, cancellationToken);
            if (before >= since)
            {
                Records.AddOrKeep(new GraphActionRecord(action.ActionId, upn, since, Completed: true));
                return AlreadyInPlace(action.ActionId, upn, $"sign-in sessions of {upn} revoked at {Format(before)}, not before this action");
            }
            await graph.Users[upn].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(cancellationToken: cancellationToken);
            Records.Set(new GraphActionRecord(action.ActionId, upn, since, Completed: true));
            var after = await ValidFromAsync(graph, upn, cancellationToken);
            string verified = after >= since
                ? $"verified: signInSessionsValidFromDateTime {Format(after)}"
                : $"not yet visible: signInSessionsValidFromDateTime still {Format(after)} (revocation can take minutes to propagate)";
            return Applied(action.ActionId, upn, $"revoked sign-in sessions of {upn}; {verified}; cannot be undone");
        }, cancellationToken);
    }

    public ValueTask<bool> IsInPlaceAsync(string actionId, string target, CancellationToken ct)
    {
        if (UserOf(actionId, target) is not { } upn)
            return ValueTask.FromResult(false);
        var since = Records.Find(actionId)?.Time;
        return ReadAsync(async graph => await ValidFromAsync(graph, upn, ct) is { } from && (since is null || from >= since), ct);
    }

    private static async Task<DateTimeOffset?> ValidFromAsync(GraphServiceClient graph, string upn, CancellationToken ct)
    {
        var user = await graph.Users[upn].GetAsync(rc => rc.QueryParameters.Select = ["id", "signInSessionsValidFromDateTime"], ct);
        return user?.SignInSessionsValidFromDateTime;
    }

    private static string Format(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never";
}
