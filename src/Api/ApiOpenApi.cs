using System.Text.Json.Nodes;
using AutoRespond.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoRespond.Api;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>): the API-key scheme (bearer, or the <c>X-Api-Key</c> header) and, on
/// every operation, its requirement: a security requirement plus <c>x-roles</c> (the roles allowed), or none and
/// <c>x-roles: []</c> for the routes that need no key.
/// </summary>
internal static class ApiOpenApi
{
    public const string BearerScheme = "ApiKey";
    public const string HeaderScheme = "ApiKeyHeader";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AutoRespond API";
            document.Info.Description = "Incidents, actions, change windows, policies and devices (CONTRACT.md §5). "
                + "Send a key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An API key from api.keys, as a bearer token",
            };
            document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.ApiKeyHeader,
                Description = "An API key from api.keys, in the X-Api-Key header",
            };
            // The document itself is a route too (no key needed).
            var self = new OpenApiOperation { Summary = "This OpenAPI document", Security = [], Tags = new HashSet<OpenApiTagReference> { new("health", document) } };
            self.Extensions = new Dictionary<string, IOpenApiExtension> { ["x-roles"] = new JsonNodeExtension(new JsonArray()) };
            self.Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OpenAPI 3.1 JSON" } };
            document.Paths["/openapi/v1.json"] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = self } };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToArray();
            bool anonymous = metadata.OfType<IAllowAnonymous>().Any() || policies.Length == 0;
            var roles = new JsonArray();
            if (!anonymous)
            {
                foreach (var role in policies.SelectMany(p => ApiRoles.PolicyRoles.GetValueOrDefault(p) ?? []).Distinct()) roles.Add(role);
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
                ];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API key" });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key's role does not allow this route" });
            }
            else
            {
                operation.Security = [];
            }
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-roles"] = new JsonNodeExtension(roles);
            return Task.CompletedTask;
        });
    }
}
