using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRespond.Configuration;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tickets.Jira;

/// <summary>
/// The ticket kind as a Jira Cloud issue (INTEGRATIONS.md §4.3). The issue carries the labels <c>autorespond</c> and
/// <c>autorespond-{incident id}</c>; every apply first searches
/// <c>POST /rest/api/3/search/jql</c> <c>{"jql":"project = \"SEC\" AND labels = \"autorespond-{incident}\"",…}</c>.
/// None: <c>POST /rest/api/3/issue</c> with an ADF description. Same fingerprint: already in place. Older content:
/// <c>PUT /rest/api/3/issue/{key}</c> (summary, description, priority). Resolve: a comment with the reason, then the
/// first transition whose target status is in the <c>done</c> category.
/// </summary>
internal sealed class JiraTicketExecutor(Func<IJiraApi> api, JiraConfig config, ITicketActionSource actions, ILogger<JiraTicketExecutor> logger)
    : TicketExecutorBase(Integration, actions, logger)
{
    public const string Integration = "jira";

    /// <summary>The issue type created; Jira's default schemes have it.</summary>
    public const string IssueType = "Task";

    public static string LabelFor(string incidentId) => "autorespond-" + incidentId;

    protected override async ValueTask<DispatchOutcome> UpsertAsync(PlannedAction action, TicketContent content, CancellationToken ct)
    {
        var incident = action.Incident;
        var found = await FindAsync(incident.Id, ct);
        if (found is null)
        {
            var fields = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = config.Project },
                ["issuetype"] = new JsonObject { ["name"] = IssueType },
                ["summary"] = content.Title,
                ["description"] = JiraDocument.Build(content),
                ["labels"] = new JsonArray("autorespond", LabelFor(incident.Id)),
                ["priority"] = new JsonObject { ["name"] = Priority(content.Severity) },
            };
            var created = await api().CreateAsync(new JsonObject { ["fields"] = fields }, ct);
            Book.Set(incident.Id, new TicketRecord(created.Key ?? "", created.Key ?? "", content.Fingerprint));
            return new DispatchOutcome(true, $"created {created.Key} for {incident.Id}");
        }
        if (TicketContent.FingerprintIn(found.Fields?.Description?.ToJsonString()) == content.Fingerprint)
            return AlreadyInPlace($"{found.Key} for {incident.Id} is up to date");
        await api().UpdateAsync(found.Key!, new JsonObject { ["fields"] = Fields(content) }, ct);
        Book.Set(incident.Id, new TicketRecord(found.Key!, found.Key!, content.Fingerprint));
        return new DispatchOutcome(true, $"updated {found.Key} for {incident.Id} (revision {incident.Revision})");
    }

    protected override async ValueTask<DispatchOutcome> ResolveAsync(string incidentId, string actionId, string reason, CancellationToken ct)
    {
        var found = await FindAsync(incidentId, ct);
        if (found is null)
            return new DispatchOutcome(true, $"no Jira issue for {incidentId}; nothing to resolve");
        if (IsDone(found.Fields?.Status))
            return new DispatchOutcome(true, $"{found.Key} for {incidentId} is already done");
        var transitions = await api().TransitionsAsync(found.Key!, ct);
        var done = transitions.Transitions?.FirstOrDefault(t => IsDone(t.To));
        if (done?.Id is null)
            return new DispatchOutcome(false, $"{found.Key} for {incidentId} has no transition to a done status; left open");
        await api().CommentAsync(found.Key!, new JsonObject
        {
            ["body"] = new JsonObject
            {
                ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(JiraDocument.Paragraph($"AutoRespond: {reason} ({actionId})")),
            },
        }, ct);
        await api().TransitionAsync(found.Key!, new JsonObject { ["transition"] = new JsonObject { ["id"] = done.Id } }, ct);
        return new DispatchOutcome(true, $"resolved {found.Key} for {incidentId} ({done.Name})");
    }

    protected override async ValueTask<bool> IsOpenAsync(string incidentId, CancellationToken ct) =>
        await FindAsync(incidentId, ct) is { } found && !IsDone(found.Fields?.Status);

    protected override string? VendorMessage(string body)
    {
        var error = JsonSerializer.Deserialize(body, JiraJsonContext.Default.JiraError);
        if (error is null)
            return null;
        var parts = (error.ErrorMessages ?? []).Concat((error.Errors ?? new Dictionary<string, string>()).Select(e => $"{e.Key}: {e.Value}"));
        return string.Join("; ", parts);
    }

    private async Task<JiraIssue?> FindAsync(string incidentId, CancellationToken ct)
    {
        string jql = $"project = \"{config.Project}\" AND labels = \"{LabelFor(incidentId)}\"";
        var result = await api().SearchAsync(new JiraSearchRequest(jql, ["summary", "status", "description"], 1), ct: ct);
        return result.Issues is [var first, ..] && first.Key is { Length: > 0 } ? first : null;
    }

    private static JsonObject Fields(TicketContent content) => new()
    {
        ["summary"] = content.Title,
        ["description"] = JiraDocument.Build(content),
        ["priority"] = new JsonObject { ["name"] = Priority(content.Severity) },
    };

    /// <summary>Jira's default priority names.</summary>
    private static string Priority(string severity) => severity switch
    {
        "critical" => "Highest",
        "high" => "High",
        "medium" => "Medium",
        _ => "Low",
    };

    private static bool IsDone(JiraStatus? status) => string.Equals(status?.StatusCategory?.Key, "done", StringComparison.Ordinal);
}
