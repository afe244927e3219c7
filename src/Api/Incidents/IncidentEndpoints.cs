using System.Globalization;
using AutoRespond.Api.Actions;
using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Contracts;
using AutoRespond.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Api.Incidents;

/// <summary><c>/api/v1/incidents</c>: list (time, score, device, state filters), get, acknowledge.</summary>
internal static class IncidentEndpoints
{
    public const int MaxLimit = 500;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("incidents");
        group.MapGet("", ListAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("list-incidents")
            .WithSummary("Incidents, most recently seen first; filter by time (from, to), min_score, device and state")
            .Produces<IReadOnlyList<IncidentSummary>>().ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("get-incident")
            .WithSummary("One incident with breaches, narrative, evidence and actions").Produces<IncidentDetail>().ProducesProblem(404);
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync).RequireAuthorization(ApiRoles.AdminPolicy).WithName("acknowledge-incident")
            .WithSummary("Marks the incident acknowledged").Accepts<AcknowledgeRequest>("application/json")
            .Produces<IncidentSummary>().ProducesProblem(404).ProducesValidationProblem();
    }

    private static async Task<IResult> ListAsync(HttpContext context, IDbContextFactory<AutoRespondDbContext> contexts,
        CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = QueryValues.Time(query, "from", errors);
        var to = QueryValues.Time(query, "to", errors);
        var minScore = QueryValues.Number(query, "min_score", 0, 1, errors);
        var limit = QueryValues.Integer(query, "limit", 1, MaxLimit, errors) ?? 100;
        string? device = QueryValues.Text(query, "device");
        string? state = QueryValues.Text(query, "state");
        if (state is not null && !IncidentStates.All.Contains(state, StringComparer.Ordinal))
            errors["state"] = [$"is not one of {string.Join(", ", IncidentStates.All)}"];
        if (errors.Count > 0) return ApiProblems.Fields(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Incidents.AsNoTracking();
        if (from is { } f) { var utc = f.ToUniversalTime(); rows = rows.Where(i => i.LastSeen >= utc); }
        if (to is { } t) { var utc = t.ToUniversalTime(); rows = rows.Where(i => i.FirstSeen < utc); }
        if (minScore is { } min) rows = rows.Where(i => i.Score >= min);
        if (device is not null) rows = rows.Where(i => i.DeviceIp == device || i.DeviceMac == device || i.DeviceHostname == device);
        if (state is not null) rows = rows.Where(i => i.State == state);
        var list = await rows.OrderByDescending(i => i.LastSeen).ThenBy(i => i.Id).Take(limit).ToListAsync(cancellationToken);
        return Results.Json(list.ConvertAll(i => new IncidentSummary(i.Id, i.Revision, i.RevisionTime,
            new DeviceRef(i.DeviceIp, i.DeviceMac, i.DeviceHostname, i.DeviceZone), i.FirstSeen, i.LastSeen, i.Score, i.Category,
            i.Models, i.Attack, i.Summary, i.State)), ApiJson.Output);
    }

    private static async Task<IResult> GetAsync(string id, IIncidentStore incidents, ActionQueries actions, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(id, cancellationToken) is not { } record) return ApiProblems.NotFound("incident", id);
        var breaches = record.Latest.Breaches.OrderBy(b => b.Time).ToList();
        var taken = await actions.ForIncidentAsync(id, cancellationToken);
        return Results.Json(new IncidentDetail(Summary(record), breaches, Narrative(record.Latest, breaches, taken), taken), ApiJson.Output);
    }

    private static async Task<IResult> AcknowledgeAsync(string id, HttpContext context, IIncidentStore incidents, ApiAudit audit,
        CancellationToken cancellationToken)
    {
        string? note = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<AcknowledgeRequest>(context);
            if (problem is not null) return problem;
            note = body!.Note;
        }
        if (!await incidents.SetStateAsync(id, IncidentStates.Acknowledged, cancellationToken)) return ApiProblems.NotFound("incident", id);
        await audit.WriteAsync(context.User, "acknowledge", "incident", id, new { Note = note }, cancellationToken, id);
        var record = await incidents.GetAsync(id, cancellationToken);
        return Results.Json(Summary(record!), ApiJson.Output);
    }

    internal static IncidentSummary Summary(IncidentRecord record)
    {
        var i = record.Latest;
        return new IncidentSummary(i.Id, i.Revision, i.Time, i.Device, i.FirstSeen, i.LastSeen, i.Score, i.Category, i.Models,
            i.Attack, i.Summary, record.State);
    }

    /// <summary>What happened, in time order: each breach, then each action decided.</summary>
    private static IReadOnlyList<string> Narrative(IncidentScored incident, IReadOnlyList<Breach> breaches, IReadOnlyList<ActionView> actions)
    {
        var lines = new List<(DateTimeOffset Time, string Text)>
        {
            (incident.FirstSeen, $"{incident.Device.Ip} first seen in this incident ({incident.Category}, score now {Score(incident.Score)})."),
        };
        lines.AddRange(breaches.Select(b => (b.Time, $"{b.Model} ({Score(b.Score)}): {b.Summary}")));
        lines.AddRange(actions.Select(a => (a.CreatedAt, $"{a.Kind} against {a.Target}: {a.State}. {a.Reason}")));
        return [.. lines.OrderBy(l => l.Time).Select(l => $"{l.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {l.Text}")];
    }

    private static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
