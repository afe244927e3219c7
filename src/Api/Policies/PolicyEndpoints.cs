using System.Text.Json;
using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Policy;
using AutoRespond.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Policies;

/// <summary>
/// <c>/api/v1/policies/current</c>: get, put (validated as the engine validates it, stored as a new version, announced
/// with <see cref="PolicyChanged"/>, answered with the diff), and <c>/whatif</c> against stored incidents.
/// </summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/policies").WithTags("policies");
        group.MapGet("/current", GetAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("get-policy")
            .WithSummary("The current response policy and its version (0: the config file's)").Produces<PolicyView>();
        group.MapGet("/versions", VersionsAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("list-policy-versions")
            .WithSummary("The stored policy versions, newest first").Produces<IReadOnlyList<PolicyView>>();
        group.MapPut("/current", PutAsync).RequireAuthorization(ApiRoles.AdminPolicy).WithName("put-policy")
            .WithSummary("Validates and stores a new policy version; returns the diff").Accepts<PolicyRequest>("application/json")
            .Produces<PolicySaved>().ProducesValidationProblem();
        group.MapPost("/current/whatif", WhatIfAsync).RequireAuthorization(ApiRoles.AdminPolicy).WithName("policy-whatif")
            .WithSummary("Actions that would differ under the proposed policy, over the stored incidents").Accepts<WhatIfRequest>("application/json")
            .Produces<WhatIfResult>().ProducesValidationProblem();
    }

    private static async Task<IResult> GetAsync(IPolicyStore store, AutoRespondConfig config, CancellationToken cancellationToken) =>
        Results.Json(await CurrentAsync(store, config, cancellationToken), ApiJson.Output);

    private static async Task<IResult> VersionsAsync(IPolicyStore store, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(100, cancellationToken);
        return Results.Json(list.Select(View).ToList(), ApiJson.Output);
    }

    private static async Task<IResult> PutAsync(HttpContext context, IPolicyStore store, AutoRespondConfig config, EscalationOptions escalation,
        IApiChangePublisher publisher, ApiAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<PolicyRequest>(context);
        if (problem is not null) return problem;
        if (request!.Note is { Length: > 1024 }) return ApiProblems.Field("note", "is longer than 1024 characters");
        var (response, warnings, errors) = Validate(request.Policy, config, escalation);
        if (errors is not null) return ApiProblems.Fields(errors);

        var previous = await CurrentAsync(store, config, cancellationToken);
        string json = ResponsePolicyJson.Serialize(response!);
        string actor = ApiCaller.NameOf(context.User);
        int version = await store.SaveAsync(json, actor, request.Note, time.GetUtcNow(), cancellationToken);
        var diff = PolicyDiff.Compare(Normalized(previous.Policy.GetRawText(), config), json);
        await audit.WriteAsync(context.User, "update", "policy", version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { Version = version, Previous = previous.Version, request.Note, Diff = diff }, cancellationToken);
        await publisher.PublishAsync(new PolicyChanged(version, actor, time.GetUtcNow()), cancellationToken);
        return Results.Json(new PolicySaved(version, previous.Version, diff, warnings), ApiJson.Output);
    }

    private static async Task<IResult> WhatIfAsync(HttpContext context, AutoRespondConfig config, EscalationOptions escalation,
        PolicyWhatIf whatIf, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<WhatIfRequest>(context);
        if (problem is not null) return problem;
        if (request!.From is { } f && request.To is { } t && t <= f) return ApiProblems.Field("to", "must be after from");
        var (response, _, errors) = Validate(request.Policy, config, escalation);
        if (errors is not null) return ApiProblems.Fields(errors);
        return Results.Json(await whatIf.RunAsync(response!, request.From, request.To, cancellationToken), ApiJson.Output);
    }

    /// <summary>The policy read and validated as <c>PolicyLoader</c> will; errors keyed <c>policy.…</c>.</summary>
    private static (ResponseConfig? Response, IReadOnlyList<string> Warnings, Dictionary<string, string[]>? Errors) Validate(
        JsonElement? policy, AutoRespondConfig config, EscalationOptions escalation)
    {
        if (policy is not { ValueKind: JsonValueKind.Object } element)
            return (null, [], new() { ["policy"] = ["is required: an object with mode, ladder and limits"] });
        ResponseConfig response;
        try
        {
            response = ResponsePolicyJson.Parse(element.GetRawText(), config.Network);
        }
        catch (PolicyFormatException e)
        {
            return (null, [], Group(e.Problems.Select(Split)));
        }
        var validation = PolicyValidator.Validate(config with { Response = response }, escalation);
        if (!validation.IsValid)
        {
            return (null, [], Group(validation.Issues.Where(i => i.Severity == PolicySeverity.Error)
                .Select(i => (Field(i.Path), i.Message))));
        }
        return (response, [.. validation.Issues.Select(i => i.ToString())], null);
    }

    /// <summary>The previous version as the engine reads it (defaults filled in), or as stored when it no longer reads.</summary>
    private static string Normalized(string json, AutoRespondConfig config)
    {
        try
        {
            return ResponsePolicyJson.Serialize(ResponsePolicyJson.Parse(json, config.Network));
        }
        catch (PolicyFormatException)
        {
            return json;
        }
    }

    private static async Task<PolicyView> CurrentAsync(IPolicyStore store, AutoRespondConfig config, CancellationToken cancellationToken)
    {
        if (await store.GetCurrentAsync(cancellationToken) is { } stored) return View(stored);
        using var document = JsonDocument.Parse(ResponsePolicyJson.Serialize(config.Response));
        return new PolicyView(PolicyProvider.FileVersion, document.RootElement.Clone(), "file", null, null, null);
    }

    private static PolicyView View(StoredPolicy stored)
    {
        using var document = JsonDocument.Parse(stored.Json);
        return new PolicyView(stored.Version, document.RootElement.Clone(), "store", stored.CreatedBy, stored.CreatedAt, stored.Note);
    }

    private static (string Field, string Message) Split(string problem)
    {
        int colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? (Field(problem[..colon]), problem[(colon + 2)..]) : ("policy", problem);
    }

    private static string Field(string path) =>
        path == "response" ? "policy" : path.StartsWith("response.", StringComparison.Ordinal) ? "policy." + path["response.".Length..] : "policy." + path;

    private static Dictionary<string, string[]> Group(IEnumerable<(string Field, string Message)> problems) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
}
