using System.Net;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// quarantine-email (INTEGRATIONS.md §1.5): moves the incident's messages out of the user's reach. Which messages: the
/// ids known for the incident (<see cref="QuarantineMessageIds"/>, from email events or the command) and those a search
/// of the mailbox finds for the incident's rare external endpoints (<see cref="IncidentEndpoints"/>):
/// <c>GET /users/{upn}/messages?$search="term"&amp;$select=id,receivedDateTime,parentFolderId,subject&amp;$top=50</c> per term
/// (Graph refuses <c>$filter</c> together with <c>$search</c> on messages, so the received time is checked here against
/// the incident window). Apply = <c>POST /users/{upn}/messages/{id}/move</c> <c>{"DestinationId":"deleteditems"}</c>;
/// revert = move back to the inbox using the id the move returned. Every request asks for
/// <c>Prefer: IdType="ImmutableId"</c>; the returned id is recorded either way, in memory and in the apply's undo state
/// (<see cref="GraphUndoState"/>), which a revert in another or a restarted process uses.
/// </summary>
internal sealed class GraphQuarantineEmailExecutor(
    GraphClientSource clients, GraphActionRecords records, IReadOnlyDictionary<IPAddress, string> users, QuarantineMessageIds knownIds,
    GraphMailOptions options, ILogger<GraphQuarantineEmailExecutor> logger)
    : GraphExecutorBase(clients, records, users, logger), IRevertibleActionExecutor, IVerifiableActionExecutor
{
    public const string PreferImmutableId = "IdType=\"ImmutableId\"";

    public override string Kind => ActionKinds.QuarantineEmail;

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
        ApplyAsync(action, knownIds.For(action.Incident.Id), cancellationToken);

    /// <summary>Quarantines <paramref name="messageIds"/> (a command's ids) and what the mailbox search finds.</summary>
    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        if (UserOf(action) is not { } upn)
            return ValueTask.FromResult(NoUser(action.ActionId, action.Target));
        return RunAsync("quarantine-email", action.ActionId, async session =>
        {
            var mail = new GraphMailbox(session.Graph, upn);
            string quarantine = await mail.FolderIdAsync(options.QuarantineFolder, cancellationToken);
            var existing = Records.Find(action.ActionId);
            if (existing is { Completed: true, Moved: { } done } && await mail.AllInFolderAsync(done, quarantine, cancellationToken))
                return AlreadyInPlace(action.ActionId, upn, $"{done.Count} message(s) of {upn} are in {options.QuarantineFolder}")
                    with { UndoState = new GraphUndoState(upn, Moved: done).ToJson() };

            var terms = IncidentEndpoints.Of(action.Incident, options.MaxSearchTerms);
            var candidates = await FindAsync(mail, action.Incident, messageIds, terms, cancellationToken);
            var moved = new List<MovedMessage>(existing?.Moved ?? []);
            int missing = 0;
            foreach (var (id, folder) in candidates)
            {
                if (folder == quarantine || moved.Any(m => m.CurrentId == id))
                    continue;
                if (await mail.MoveAsync(id, options.QuarantineFolder, cancellationToken) is { } newId)
                    moved.Add(new MovedMessage(id, newId));
                else
                    missing++;
            }
            Records.Set(new GraphActionRecord(action.ActionId, upn, action.Time, Moved: moved, Completed: true));
            string undo = new GraphUndoState(upn, Moved: moved).ToJson();
            string searched = terms.Count == 0 ? "no endpoint to search" : $"searched {string.Join(", ", terms)}";
            if (moved.Count == 0)
                return Applied(action.ActionId, upn,
                    $"no message of {upn} matched the incident ({messageIds.Count} id(s) given, {searched}); nothing moved") with { UndoState = undo };
            bool verified = await mail.AllInFolderAsync(moved, quarantine, cancellationToken);
            string ids = string.Join(", ", moved.Select(m => m.OriginalId == m.CurrentId ? m.CurrentId : $"{m.OriginalId} -> {m.CurrentId}"));
            return Applied(action.ActionId, upn,
                $"moved {moved.Count} message(s) of {upn} to {options.QuarantineFolder} ({searched}; {missing} not found): {ids}; "
                + (verified ? "verified" : "NOT verified: not all read back in the folder")) with { UndoState = undo };
        }, cancellationToken);
    }

    public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        var header = revert.Header;
        var (user, moved) = Records.Find(header.ActionId) is { Moved: { } kept } record ? (record.User, kept)
            : GraphUndoState.Parse(revert.UndoState) is { Moved: { } stored } undo ? (undo.User, stored)
            : (null, null);
        if (user is null || moved is null)
        {
            string detail = $"no record of the messages {header.ActionId} moved (none in this process and no undo state from the ledger; "
                + "the apply detail lists their ids); nothing moved back";
            GraphLog.Failed(Logger, "revert quarantine-email", header.ActionId, Kind, detail);
            return ValueTask.FromResult(new DispatchOutcome(false, detail));
        }
        return RunAsync("revert quarantine-email", header.ActionId, async session =>
        {
            var mail = new GraphMailbox(session.Graph, user);
            int restored = 0, gone = 0;
            foreach (var message in moved)
            {
                if (await mail.MoveAsync(message.CurrentId, options.RestoreFolder, cancellationToken) is not null)
                    restored++;
                else
                    gone++;
            }
            Records.Remove(header.ActionId);
            return Reverted(header.ActionId, user,
                $"moved {restored} message(s) of {user} back to {options.RestoreFolder}" + (gone > 0 ? $" ({gone} no longer found)" : ""));
        }, cancellationToken);
    }

    public ValueTask<bool> IsInPlaceAsync(string actionId, string target, CancellationToken ct)
    {
        if (Records.Find(actionId) is not { Completed: true, Moved: { } moved } record)
            return ValueTask.FromResult(false);
        return ReadAsync(async graph =>
        {
            var mail = new GraphMailbox(graph, record.User);
            return await mail.AllInFolderAsync(moved, await mail.FolderIdAsync(options.QuarantineFolder, ct), ct);
        }, ct);
    }

    /// <summary>Given ids first, then search hits received in [first seen − lookback, last seen + 1 h]; id → folder (null: unknown).</summary>
    private async Task<IReadOnlyList<(string Id, string? Folder)>> FindAsync(GraphMailbox mail, IncidentScored incident,
        IReadOnlyList<string> messageIds, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var found = new List<(string Id, string? Folder)>();
        foreach (var id in messageIds)
            found.Add((id, null));
        var from = incident.FirstSeen - options.Lookback;
        var to = incident.LastSeen + TimeSpan.FromHours(1);
        foreach (var term in terms)
        {
            foreach (var message in await mail.SearchAsync(term, options.PageSize, ct))
            {
                if (message.Id is { } id && message.ReceivedDateTime is { } received && received >= from && received <= to)
                    found.Add((id, message.ParentFolderId));
            }
        }
        return [.. found.DistinctBy(f => f.Id)];
    }
}
