using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Events;

/// <summary>
/// <c>/api/v1/events/identity</c> and <c>/api/v1/events/email</c> (admin, ticketing): identity and email events kept
/// for the executors (<see cref="IPostedEventStore"/>); <c>GET /api/v1/events</c> reads them back. An extension of
/// CONTRACT.md §5 (docs/api.md).
/// </summary>
internal static partial class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("events");
        group.MapGet("", ListAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("list-events")
            .WithSummary("Posted identity and email events, newest first; filter by kind, user, address, since")
            .Produces<IReadOnlyList<PostedEventView>>().ProducesValidationProblem();
        group.MapPost("/identity", PostIdentityAsync).RequireAuthorization(ApiRoles.ChangesPolicy).WithName("post-identity-event")
            .WithSummary("A user signed in (or out) on a device").Accepts<IdentityEventRequest>("application/json")
            .Produces<PostedEventView>(201).ProducesValidationProblem();
        group.MapPost("/email", PostEmailAsync).RequireAuthorization(ApiRoles.ChangesPolicy).WithName("post-email-event")
            .WithSummary("A message reached a mailbox").Accepts<EmailEventRequest>("application/json")
            .Produces<PostedEventView>(201).ProducesValidationProblem();
    }

    private static async Task<IResult> PostIdentityAsync(HttpContext context, IPostedEventStore store, ApiAudit audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<IdentityEventRequest>(context);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var at = Time(request!.Time, errors);
        User(request.User, errors);
        if (request.Address is not null && !IPAddress.TryParse(request.Address, out _)) errors["address"] = ["is not an IP address"];
        if (request.Kind is { } kind && !Word().IsMatch(kind)) errors["kind"] = ["is not a short word such as sign-in"];
        if (request.Source is { Length: > 128 }) errors["source"] = ["is longer than 128 characters"];
        if (errors.Count > 0) return ApiProblems.Fields(errors);
        var detail = new { Kind = request.Kind ?? "sign-in", request.Source };
        return await StoreAsync(context, store, audit, time, PostedEvent.IdentityKind, at!.Value, request.User!,
            request.Address is null ? null : IPAddress.Parse(request.Address).ToString(), null, detail, cancellationToken);
    }

    private static async Task<IResult> PostEmailAsync(HttpContext context, IPostedEventStore store, ApiAudit audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<EmailEventRequest>(context);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var at = Time(request!.Time, errors);
        User(request.User, errors);
        if (string.IsNullOrWhiteSpace(request.MessageId)) errors["message_id"] = ["is required"];
        else if (request.MessageId.Length > 512) errors["message_id"] = ["is longer than 512 characters"];
        if (request.Sender is { Length: > 256 }) errors["sender"] = ["is longer than 256 characters"];
        if (request.Subject is { Length: > 1000 }) errors["subject"] = ["is longer than 1000 characters"];
        if (request.Incident is { Length: > 128 }) errors["incident"] = ["is longer than 128 characters"];
        if (errors.Count > 0) return ApiProblems.Fields(errors);
        var detail = new { request.Sender, request.Subject, request.Incident };
        return await StoreAsync(context, store, audit, time, PostedEvent.EmailKind, at!.Value, request.User!, null, request.MessageId,
            detail, cancellationToken);
    }

    private static async Task<IResult> StoreAsync(HttpContext context, IPostedEventStore store, ApiAudit audit, TimeProvider time, string kind,
        DateTimeOffset at, string user, string? address, string? messageId, object detail, CancellationToken cancellationToken)
    {
        string json = JsonSerializer.Serialize(detail, ApiJson.Output);
        var posted = new PostedEvent(0, kind, at, user, address, messageId, json, ApiCaller.NameOf(context.User), time.GetUtcNow());
        long id = await store.AddAsync(posted, cancellationToken);
        await audit.WriteAsync(context.User, "posted", kind + "-event", id.ToString(CultureInfo.InvariantCulture),
            new { User = user, Address = address, MessageId = messageId }, cancellationToken);
        return Results.Json(View(posted with { Id = id }), ApiJson.Output, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IPostedEventStore store, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? kind = QueryValues.Text(query, "kind");
        if (kind is not null and not (PostedEvent.IdentityKind or PostedEvent.EmailKind)) errors["kind"] = ["is not identity or email"];
        var since = QueryValues.Time(query, "since", errors);
        int limit = QueryValues.Integer(query, "limit", 1, 1000, errors) ?? 200;
        if (errors.Count > 0) return ApiProblems.Fields(errors);
        var list = await store.ListAsync(kind, QueryValues.Text(query, "user"), QueryValues.Text(query, "address"), since, limit, cancellationToken);
        return Results.Json(list.Select(View).ToList(), ApiJson.Output);
    }

    private static PostedEventView View(PostedEvent e)
    {
        using var detail = JsonDocument.Parse(e.DetailJson);
        return new PostedEventView(e.Id, e.Kind, e.Time, e.User, e.Address, e.MessageId, detail.RootElement.Clone(), e.PostedBy, e.PostedAt);
    }

    private static DateTimeOffset? Time(string? text, Dictionary<string, string[]> errors)
    {
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && OffsetGiven().IsMatch(text))
        {
            return at;
        }
        errors["time"] = ["is required: ISO-8601 with an offset, such as 2026-12-05T22:00:00Z"];
        return null;
    }

    private static void User(string? user, Dictionary<string, string[]> errors)
    {
        if (user is null || !Upn().IsMatch(user)) errors["user"] = ["is not a user principal name such as alice@contoso.com"];
    }

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetGiven();

    [GeneratedRegex(@"^[^@\s]{1,128}@[^@\s]{1,126}$", RegexOptions.CultureInvariant)]
    private static partial Regex Upn();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
