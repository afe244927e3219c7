using AutoRespond.Simulators.Tickets;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AutoRespond.Simulators.Graph;

/// <summary>Graph's JSON answers: OData v4 error bodies (with <c>innerError</c>) and entity bodies.</summary>
internal static class GraphResponses
{
    public const string MetadataBase = "https://graph.microsoft.com/v1.0/$metadata";

    public static string ErrorJson(string code, string message, DateTimeOffset now, string? clientRequestId = null)
    {
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = Guid.NewGuid().ToString(),
                    ["client-request-id"] = clientRequestId ?? Guid.NewGuid().ToString(),
                },
            },
        };
        return error.ToJsonString(VendorJson.Options);
    }

    /// <summary>The vendor's error for a status alone (used for injected faults).</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        400 => ("BadRequest", "Bad request."),
        401 => ("InvalidAuthenticationToken", "Access token validation failure."),
        403 => ("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
        404 => ("Request_ResourceNotFound", "Resource does not exist or one of its queried reference-property objects are not present."),
        429 => ("TooManyRequests", "Too many requests."),
        500 => ("generalException", "General exception while processing."),
        502 => ("BadGateway", "Bad gateway."),
        503 => ("serviceNotAvailable", "Service unavailable."),
        504 => ("UnknownError", "Gateway timeout."),
        _ => ("UnknownError", "The service returned an error."),
    };

    public static IResult Error(HttpContext http, int status, string code, string message, DateTimeOffset now) =>
        Results.Text(ErrorJson(code, message, now, http.Request.Headers["client-request-id"].ToString() is { Length: > 0 } id ? id : null),
            "application/json", statusCode: status);

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(VendorJson.Options), "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8",
            statusCode: status);

    /// <summary>Keeps only the <c>$select</c>ed properties (plus <c>@odata.*</c>), as Graph does.</summary>
    public static JsonObject Select(JsonObject entity, string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
            return entity;
        var wanted = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new JsonObject();
        foreach (var (name, value) in entity)
        {
            if (name.StartsWith('@') || wanted.Contains(name))
                result[name] = value?.DeepClone();
        }
        return result;
    }

    /// <summary>A JSON body as an object, or null when it is not one.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A property by name, ignoring case (the SDK sends <c>DestinationId</c>; the docs write <c>destinationId</c>).</summary>
    public static JsonNode? Property(JsonObject body, string name) =>
        body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
