using Microsoft.AspNetCore.Http;

namespace AutoRespond.Api.Problems;

/// <summary>RFC 9457 problem details for the API's own errors. A field error names the field under <c>errors</c>.</summary>
internal static class ApiProblems
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IResult Field(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid", detail: $"{field}: {message}");

    public static IResult Fields(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request is not valid",
            detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    public static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is too large",
            detail: $"body: larger than {MaxBodyBytes / 1024} KiB",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"larger than {MaxBodyBytes} bytes"] } });

    public static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"no {what} '{id}'");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
