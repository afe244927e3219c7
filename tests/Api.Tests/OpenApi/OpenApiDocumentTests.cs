using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace AutoRespond.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task OpenApiDocument_Served_ParsesWithoutErrorsAndPassesTheDefaultRules()
    {
        using var client = fixture.Host.Client("none");
        var (status, _, text, _) = await client.SendAsync("GET", "openapi/v1.json");
        status.ShouldBe(200);
        var result = OpenApiDocument.Parse(text, "json");
        result.Diagnostic!.Errors.ShouldBeEmpty();
        result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.ShouldBeEmpty();
        result.Diagnostic.SpecificationVersion.ShouldBe(OpenApiSpecVersion.OpenApi3_1);
    }

    [Fact]
    public async Task OpenApiDocument_EveryRoute_IsListedWithItsAuthRequirement()
    {
        using var client = fixture.Host.Client("none");
        var paths = (await client.SendAsync("GET", "openapi/v1.json")).Body.GetProperty("paths");
        var mapped = fixture.Host.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/console", StringComparison.Ordinal) && raw != "/"
                && raw != "/openapi/{documentName}.json")
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Method: m.ToLowerInvariant(), Path: Security.RoleMatrixTests.Normalize(e.RoutePattern.RawText!), Endpoint: e)))
            .Append(("get", "/openapi/v1.json", null!))
            .ToList();
        mapped.Count.ShouldBeGreaterThan(25);
        foreach (var (method, path, endpoint) in mapped)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is not in the document");
            item.TryGetProperty(method, out var operation).ShouldBeTrue($"{method} {path} is not in the document");
            var roles = operation.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()).ToList();
            bool secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            bool anonymous = path is "/metrics" or "/openapi/v1.json" || path.StartsWith("/health/", StringComparison.Ordinal);
            secured.ShouldBe(!anonymous, $"{method} {path}");
            if (anonymous)
            {
                roles.ShouldBeEmpty();
                continue;
            }
            roles.ShouldNotBeEmpty($"{method} {path}");
            operation.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue($"{method} {path} documents 401");
            if (method == "get" && !path.EndsWith("/preview", StringComparison.Ordinal)) roles.ShouldBe(["admin", "scheduler", "viewer"], $"{method} {path}");
            security.EnumerateArray().SelectMany(s => s.EnumerateObject().Select(p => p.Name)).ShouldContain("ApiKey");
        }
        paths.GetProperty("/api/v1/changes/servicenow").GetProperty("post").GetProperty("x-roles").EnumerateArray()
            .Select(r => r.GetString()).ShouldBe(["ticketing", "admin"]);
        JsonDocument.Parse(paths.GetRawText()).RootElement.EnumerateObject().Count().ShouldBeGreaterThan(20);
    }
}
