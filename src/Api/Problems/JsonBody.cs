using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AutoRespond.Api.Problems;

/// <summary>
/// Reads a request body with the API's limits: at most <see cref="ApiProblems.MaxBodyBytes"/> bytes (else a 400 naming <c>body</c>: every bad input is a 400 with the field named), then
/// strict JSON (malformed JSON, wrong types and unknown fields are 400s naming the field).
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as text, or a problem (too large, unreadable).</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > ApiProblems.MaxBodyBytes) return (null, ApiProblems.TooLarge());
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > ApiProblems.MaxBodyBytes) return (null, ApiProblems.TooLarge());
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.TooLarge());
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiProblems.Field("body", "is not UTF-8 text"));
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, or a problem naming the field at fault.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, JsonSerializerOptions? options = null)
        where T : class
    {
        var (text, problem) = await ReadTextAsync(context);
        if (problem is not null) return (null, problem);
        return Parse<T>(text!, options);
    }

    public static (T? Value, IResult? Problem) Parse<T>(string text, JsonSerializerOptions? options = null) where T : class
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, ApiProblems.Field("body", "a JSON object is required"));
        try
        {
            return JsonSerializer.Deserialize<T>(text, options ?? ApiJson.Input) is { } value
                ? (value, null)
                : (null, ApiProblems.Field("body", "a JSON object is required, not null"));
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Field(FieldOf(e), Describe(e)));
        }
    }

    /// <summary><c>$.scope.devices[0]</c> → <c>scope.devices[0]</c>; the whole body is <c>body</c>.</summary>
    internal static string FieldOf(JsonException e)
    {
        bool typed = e.Message.Contains("could not be converted", StringComparison.Ordinal)
            || e.Message.Contains("could not be mapped", StringComparison.Ordinal);
        if (!typed) return "body"; // a syntax error: the document as a whole is not JSON
        string path = e.Path ?? "$";
        string field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (field.StartsWith("['", StringComparison.Ordinal) && field.EndsWith("']", StringComparison.Ordinal)) field = field[2..^2];
        // An unknown property is reported at its parent; the message names it.
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.Match(e.Message, "'([^']+)'") is { Success: true } m)
        {
            string name = m.Groups[1].Value;
            field = field.Length == 0 ? name : field.EndsWith(name, StringComparison.Ordinal) ? field : $"{field}.{name}";
        }
        return field.Length == 0 ? "body" : field;
    }

    private static string Describe(JsonException e)
    {
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal)) return "unknown field";
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal)) return "has the wrong type";
        return e.LineNumber is { } line
            ? $"malformed JSON (line {line + 1}, byte {e.BytePositionInLine + 1}{(e.Path is { Length: > 1 } p ? ", at " + p : "")})"
            : "malformed JSON";
    }
}
