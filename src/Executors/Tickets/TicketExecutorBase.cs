using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tickets;

/// <summary>
/// The ticket kind at one ticketing target: one ticket per incident (the incident id is the key), created on the first
/// apply, updated when a later apply brings different content (the incident grew, its actions changed), left alone when
/// the content is the same ("already in place"), and resolved by <see cref="RevertAsync"/> (the incident closed or the
/// ticket action was released). A failed call is <c>Applied=false</c> with a detail; bugs still throw.
/// </summary>
internal abstract class TicketExecutorBase(string name, ITicketActionSource actions, ILogger logger)
    : IRevertibleActionExecutor, IVerifiableActionExecutor
{
    public string Kind => ActionKinds.Ticket;

    public string Name { get; } = name;

    protected TicketBook Book { get; } = new();

    protected ILogger Logger { get; } = logger;

    public async ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var incident = action.Incident;
        if (!IsUsableKey(incident.Id))
            return new DispatchOutcome(false, $"{Name}: incident id '{Clip(incident.Id)}' cannot key a ticket (letters, digits, '-', '_', '.', ':' only, at most 200); nothing sent");
        Book.RememberAction(action.ActionId, incident.Id);
        try
        {
            var lines = await actions.ForIncidentAsync(incident, action.Time, cancellationToken);
            var outcome = await UpsertAsync(action, TicketContent.Build(incident, lines), cancellationToken);
            Log(outcome, incident.Id, action.ActionId, "upsert");
            return outcome;
        }
        catch (Exception e) when (TargetFailure.IsTargetFailure(e, cancellationToken) || e is TargetAnswerException)
        {
            return Failed("ticket", incident.Id, action.ActionId, e);
        }
    }

    /// <summary>Resolves the incident's ticket; a ticket that does not exist or is already resolved is fine.</summary>
    public async ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        var header = revert.Header;
        if (!IsUsableKey(header.IncidentId))
            return new DispatchOutcome(false, $"{Name}: incident id '{Clip(header.IncidentId)}' cannot key a ticket; nothing sent");
        try
        {
            var outcome = await ResolveAsync(header.IncidentId, header.ActionId, revert.Reason, cancellationToken);
            Log(outcome, header.IncidentId, header.ActionId, "resolve");
            return outcome;
        }
        catch (Exception e) when (TargetFailure.IsTargetFailure(e, cancellationToken) || e is TargetAnswerException)
        {
            return Failed("resolve", header.IncidentId, header.ActionId, e);
        }
    }

    /// <summary>True while the incident of <paramref name="actionId"/> has an open ticket at the target.</summary>
    public async ValueTask<bool> IsInPlaceAsync(string actionId, string target, CancellationToken ct)
    {
        if (Book.IncidentOf(actionId) is not { } incidentId)
            return false;
        try
        {
            return await IsOpenAsync(incidentId, ct);
        }
        catch (Exception e) when (TargetFailure.IsTargetFailure(e, ct) || e is TargetAnswerException)
        {
            return false;
        }
    }

    /// <summary>
    /// An incident id goes into a ServiceNow encoded query, a JQL string and a Jira label: only letters, digits and
    /// <c>-_.:</c> are accepted, so it can never change the query.
    /// </summary>
    public static bool IsUsableKey(string? id) =>
        id is { Length: > 0 and <= 200 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    protected abstract ValueTask<DispatchOutcome> UpsertAsync(PlannedAction action, TicketContent content, CancellationToken ct);

    protected abstract ValueTask<DispatchOutcome> ResolveAsync(string incidentId, string actionId, string reason, CancellationToken ct);

    protected abstract ValueTask<bool> IsOpenAsync(string incidentId, CancellationToken ct);

    /// <summary>The vendor's error text in an error body (null: none).</summary>
    protected virtual string? VendorMessage(string body) => null;

    protected static DispatchOutcome AlreadyInPlace(string detail) => new(true, "already in place: " + detail);

    private DispatchOutcome Failed(string operation, string incidentId, string actionId, Exception e)
    {
        string detail = e is TargetAnswerException answer ? $"{Name} {operation} failed: {answer.Message}" : TargetFailure.Describe(Name, operation, e, VendorMessage);
        TicketLog.Failed(Logger, Name, operation, incidentId, actionId, detail);
        return new DispatchOutcome(false, detail);
    }

    private static string Clip(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private void Log(DispatchOutcome outcome, string incidentId, string actionId, string operation)
    {
        if (!outcome.Applied)
            TicketLog.Failed(Logger, Name, operation, incidentId, actionId, outcome.Detail);
        else if (outcome.Detail.StartsWith("already in place", StringComparison.Ordinal))
            TicketLog.AlreadyInPlace(Logger, Name, incidentId, actionId, outcome.Detail);
        else
            TicketLog.Done(Logger, Name, operation, incidentId, actionId, outcome.Detail);
    }
}
