using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Contracts;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Actions;

/// <summary><c>/api/v1/actions</c>: list, get (ledger history), approve, deny, extend, release.</summary>
internal static class ActionEndpoints
{
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/actions").WithTags("actions");
        group.MapGet("", ListAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("list-actions")
            .WithSummary("Actions, newest first; filter by state (comma-separated), incident, kind, target")
            .Produces<IReadOnlyList<ActionView>>().ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("get-action")
            .WithSummary("One action with its ledger history").Produces<ActionView>().ProducesProblem(404);
        MapAnswer(group, "approve", "Carries out an action awaiting confirmation",
            (s, id, actor, reason, ct) => s.ApproveAsync(id, actor, reason, ct));
        MapAnswer(group, "deny", "Drops an action awaiting confirmation (released; nothing sent)",
            (s, id, actor, reason, ct) => s.DenyAsync(id, actor, reason, ct));
        MapAnswer(group, "release", "Ends an action in force (reverted where its kind can be undone)",
            (s, id, actor, reason, ct) => s.ReleaseAsync(id, actor, reason, ct));
        group.MapPost("/{id}/extend", ExtendAsync).RequireAuthorization(ApiRoles.AdminPolicy).WithName("extend-action")
            .WithSummary("A held action waits longer, or an action in force expires later").Accepts<ActionExtension>("application/json")
            .Produces<ActionOutcome>().ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem();
    }

    private delegate Task<ConfirmationResult> Answer(ConfirmationService service, string id, string actor, string reason, CancellationToken ct);

    private static void MapAnswer(RouteGroupBuilder group, string verb, string summary, Answer answer) =>
        group.MapPost("/{id}/" + verb, async (string id, HttpContext context, ConfirmationService service, ApiAudit audit,
                CancellationToken cancellationToken) =>
            {
                string reason = "";
                if (HasBody(context.Request))
                {
                    var (body, problem) = await JsonBody.ReadAsync<ActionAnswer>(context);
                    if (problem is not null) return problem;
                    reason = body!.Reason ?? "";
                }
                if (reason.Length > 1000) return ApiProblems.Field("reason", "is longer than 1000 characters");
                string actor = ApiCaller.NameOf(context.User);
                var result = await answer(service, id, actor, reason.Length == 0 ? "(no reason given)" : reason, cancellationToken);
                return await OutcomeAsync(context, audit, verb, id, result, new { Reason = reason }, cancellationToken);
            })
            .RequireAuthorization(ApiRoles.AdminPolicy).WithName(verb + "-action").WithSummary(summary)
            .Accepts<ActionAnswer>("application/json").Produces<ActionOutcome>().ProducesProblem(404).ProducesProblem(409)
            .ProducesValidationProblem();

    private static async Task<IResult> ListAsync(HttpContext context, ActionQueries queries, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int limit = QueryValues.Integer(query, "limit", 1, MaxLimit, errors) ?? 200;
        string[]? states = QueryValues.Text(query, "state")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (states?.FirstOrDefault(s => !LedgerStates.IsKnown(s)) is { } bad)
            errors["state"] = [$"'{bad}' is not one of {string.Join(", ", LedgerStates.All)}"];
        string? kind = QueryValues.Text(query, "kind");
        if (kind is not null && !ActionKinds.All.Contains(kind, StringComparer.Ordinal))
            errors["kind"] = [$"is not one of {string.Join(", ", ActionKinds.All)}"];
        var since = QueryValues.Time(query, "since", errors);
        if (errors.Count > 0) return ApiProblems.Fields(errors);
        var list = await queries.ListAsync(new ActionFilter(states, QueryValues.Text(query, "incident"), kind,
            QueryValues.Text(query, "target"), since, limit), cancellationToken);
        return Results.Json(list, ApiJson.Output);
    }

    private static async Task<IResult> GetAsync(string id, ActionQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } view ? Results.Json(view, ApiJson.Output) : ApiProblems.NotFound("action", id);

    private static async Task<IResult> ExtendAsync(string id, HttpContext context, ConfirmationService service, ApiAudit audit,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ActionExtension>(context);
        if (problem is not null) return problem;
        if (body!.By is null) return ApiProblems.Field("by", "is required, such as 1h");
        if (Durations.Parse(body.By) is not { } by || by <= TimeSpan.Zero || by > TimeSpan.FromDays(30))
            return ApiProblems.Field("by", "is not a duration from 1s to 30d such as 30m, 4h or 1d");
        string reason = body.Reason is { Length: > 0 } r ? r : "(no reason given)";
        if (reason.Length > 1000) return ApiProblems.Field("reason", "is longer than 1000 characters");
        var result = await service.ExtendAsync(id, ApiCaller.NameOf(context.User), reason, by, cancellationToken);
        return await OutcomeAsync(context, audit, "extend", id, result, new { body.By, Reason = reason }, cancellationToken);
    }

    private static async Task<IResult> OutcomeAsync(HttpContext context, ApiAudit audit, string verb, string id,
        ConfirmationResult result, object detail, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case ConfirmationStatus.NotFound:
                return ApiProblems.NotFound("action", id);
            case ConfirmationStatus.WrongState:
                return ApiProblems.Conflict(result.Message);
            default:
                await audit.WriteAsync(context.User, verb, "action", id, detail, cancellationToken);
                return Results.Json(new ActionOutcome(id, result.State, result.Message), ApiJson.Output);
        }
    }

    internal static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
