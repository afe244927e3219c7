using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AutoRespond.Api.Problems;

/// <summary>Query-string values, each checked; a bad one adds an error under its name.</summary>
internal static class QueryValues
{
    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } text ? text : null;

    public static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        errors[name] = ["is not an ISO-8601 time such as 2026-12-05T22:00:00Z"];
        return null;
    }

    public static double? Number(IQueryCollection query, string name, double min, double max, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"is not a number from {min} to {max}")];
        return null;
    }

    public static int? Integer(IQueryCollection query, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"is not a whole number from {min} to {max}")];
        return null;
    }
}
