using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Api.Windows;

/// <summary>
/// Checks a window exactly as the config file's <c>windows:</c> section is checked (the same binder, so the API and
/// the file accept the same windows: times with offsets, end after start, RRULE syntax, IANA zones, CIDRs, user
/// principal names, action kinds, effect and cap_score), then that the schedule can be evaluated. Errors are keyed
/// by field (<c>end</c>, <c>rrule</c>, <c>scope.devices</c>…).
/// </summary>
internal static partial class WindowValidator
{
    public const int MaxListItems = 1000;
    private const string Source = "window";

    public static (WindowConfig? Window, Dictionary<string, string[]> Errors) Validate(WindowRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required"];
        else if (request.Name.Length > 256) errors["name"] = ["is longer than 256 characters"];
        if (string.IsNullOrWhiteSpace(request.Start)) errors["start"] = ["is required, such as 2026-12-05T22:00:00Z"];
        if (string.IsNullOrWhiteSpace(request.End)) errors["end"] = ["is required, such as 2026-12-06T04:00:00Z"];
        if (request.Rrule is { Length: > 512 }) errors["rrule"] = ["is longer than 512 characters"];
        foreach (var (field, list) in Lists(request.Scope))
            if (list is { Count: > MaxListItems }) errors[field] = [$"has more than {MaxListItems} items"];
        if (errors.Count > 0) return (null, errors);

        var (yaml, lines) = ToYaml(request);
        AutoRespondConfig config;
        try
        {
            config = ConfigLoader.LoadText(yaml, Source);
        }
        catch (ConfigException e)
        {
            foreach (var error in e.Errors)
            {
                string field = lines.GetValueOrDefault(error.Line, "body");
                if (RequiredKey().Match(error.Message) is { Success: true } required)
                    field = error.Message.Contains(".scope", StringComparison.Ordinal) ? "scope." + required.Groups[1].Value : required.Groups[1].Value;
                string message = StripPath(error.Message);
                errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
            }
            return (null, errors);
        }

        var window = config.Windows[0];
        try
        {
            var schedule = WindowSchedule.For(window);
            _ = schedule.Overlapping(window.Start, window.Start.AddDays(400)).Take(2).ToList();
        }
        catch (WindowScheduleException e)
        {
            errors[e.Message.Contains("time zone", StringComparison.Ordinal) ? "tz" : "rrule"] = [e.Message];
            return (null, errors);
        }
        return (window, errors);
    }

    /// <summary>The request as one <c>windows:</c> item, one field a line; the map gives each line's field.</summary>
    private static (string Yaml, Dictionary<int, string> Lines) ToYaml(WindowRequest r)
    {
        var text = new StringBuilder("windows:\n");
        var lines = new Dictionary<int, string>();
        int line = 1;
        void Add(string field, string key, string value, string indent = "    ")
        {
            text.Append(indent).Append(key).Append(": ").Append(value).Append('\n');
            lines[++line] = field;
        }
        text.Append("  - name: ").Append(Quote(r.Name)).Append('\n');
        lines[++line] = "name";
        Add("start", "start", Quote(r.Start));
        Add("end", "end", Quote(r.End));
        if (r.Rrule is not null) Add("rrule", "rrule", Quote(r.Rrule));
        if (r.Tz is not null) Add("tz", "tz", Quote(r.Tz));
        if (r.Effect is not null) Add("effect", "effect", Quote(r.Effect));
        if (r.CapScore is { } cap) Add("cap_score", "cap_score", cap.ToString("R", CultureInfo.InvariantCulture));
        if (r.Scope is { } scope)
        {
            text.Append("    scope:\n");
            lines[++line] = "scope";
            foreach (var (field, list) in Lists(scope))
                if (list is not null) Add(field, field["scope.".Length..], JsonSerializer.Serialize(list), "      ");
        }
        return (text.ToString(), lines);
    }

    [System.Text.RegularExpressions.GeneratedRegex("missing required key '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex RequiredKey();

    private static IEnumerable<(string Field, IReadOnlyList<string>? List)> Lists(WindowScopeRequest? scope) =>
    [
        ("scope.devices", scope?.Devices), ("scope.zones", scope?.Zones), ("scope.users", scope?.Users), ("scope.actions", scope?.Actions),
    ];

    private static string Quote(string? value) => JsonSerializer.Serialize(value ?? "");

    /// <summary><c>windows[0].end: end must be after start</c> → <c>end must be after start</c>.</summary>
    private static string StripPath(string message)
    {
        if (!message.StartsWith("windows", StringComparison.Ordinal)) return message;
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? message[(colon + 2)..] : message;
    }
}
