using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace AutoRespond.Api.Windows;

/// <summary>
/// Windows as iCalendar (RFC 5545): one VEVENT each, with DTSTART/DTEND (in UTC, or local with TZID when the
/// window has a zone), RRULE, SUMMARY (the name), UID, and the scope and effect as <c>X-AUTORESPOND-*</c>
/// properties (devices, zones, users and actions comma-separated; effect; cap-score). Import reads the same, plus
/// DURATION instead of DTEND and all-day dates; a VEVENT without the X- properties has an empty scope (it covers
/// everything, as in the config file) and effect suppress.
/// </summary>
internal static class WindowCalendar
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    public static string Write(IEnumerable<WindowView> windows, DateTimeOffset stamp)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//AutoRespond//change windows//EN");
        foreach (var w in windows)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + Escape(w.Id));
            Line(text, "DTSTAMP:" + Utc(stamp));
            Line(text, "SUMMARY:" + Escape(w.Name));
            Line(text, TimeProperty("DTSTART", w.Start, w.Tz));
            Line(text, TimeProperty("DTEND", w.End, w.Tz));
            if (w.Rrule is not null) Line(text, "RRULE:" + w.Rrule);
            Line(text, "X-AUTORESPOND-EFFECT:" + w.Effect);
            if (w.CapScore is { } cap) Line(text, "X-AUTORESPOND-CAP-SCORE:" + cap.ToString("R", CultureInfo.InvariantCulture));
            List("X-AUTORESPOND-DEVICES", w.Scope.Devices);
            List("X-AUTORESPOND-ZONES", w.Scope.Zones);
            List("X-AUTORESPOND-USERS", w.Scope.Users);
            List("X-AUTORESPOND-ACTIONS", w.Scope.Actions);
            Line(text, "END:VEVENT");
        }
        Line(text, "END:VCALENDAR");
        return text.ToString();

        void List(string name, IReadOnlyList<string>? values)
        {
            if (values is { Count: > 0 }) Line(text, name + ":" + string.Join(",", values.Select(Escape)));
        }
    }

    /// <summary>The VEVENTs of a calendar as window requests (times with offsets), with their UIDs; or the first problem.</summary>
    public static (IReadOnlyList<(string? Uid, WindowRequest Request)> Events, string? Field, string? Error) Read(string ics)
    {
        var events = new List<(string?, WindowRequest)>();
        Dictionary<string, (Dictionary<string, string> Params, string Value)>? current = null;
        bool calendar = false;
        int index = 0;
        foreach (var raw in Unfold(ics))
        {
            if (raw.Length == 0) continue;
            var (name, parameters, value) = Parse(raw);
            if (name is null) return ([], "body", $"line '{Cut(raw)}' is not NAME:VALUE");
            if (name == "BEGIN" && value == "VCALENDAR") calendar = true;
            else if (name == "BEGIN" && value == "VEVENT") current = new(StringComparer.Ordinal);
            else if (name == "END" && value == "VEVENT" && current is not null)
            {
                var (request, field, error) = ToRequest(current);
                if (error is not null) return ([], $"events[{index}].{field}", error);
                events.Add((current.TryGetValue("UID", out var uid) ? Unescape(uid.Value) : null, request!));
                current = null;
                index++;
            }
            else if (current is not null) current.TryAdd(name, (parameters, value));
        }
        if (!calendar) return ([], "body", "not an iCalendar document (no BEGIN:VCALENDAR)");
        return events.Count == 0 ? ([], "body", "the calendar has no VEVENT") : (events, null, null);
    }

    private static (WindowRequest? Request, string Field, string? Error) ToRequest(
        Dictionary<string, (Dictionary<string, string> Params, string Value)> e)
    {
        if (!e.TryGetValue("SUMMARY", out var summary) || summary.Value.Length == 0) return (null, "summary", "is required (the window's name)");
        if (!e.TryGetValue("DTSTART", out var dtstart)) return (null, "dtstart", "is required");
        var (start, tz, startError) = Instant(dtstart.Params, dtstart.Value);
        if (startError is not null) return (null, "dtstart", startError);
        DateTimeOffset end;
        if (e.TryGetValue("DTEND", out var dtend))
        {
            var (value, _, endError) = Instant(dtend.Params, dtend.Value);
            if (endError is not null) return (null, "dtend", endError);
            end = value;
        }
        else if (e.TryGetValue("DURATION", out var duration))
        {
            if (ParseDuration(duration.Value) is not { } length) return (null, "duration", $"'{Cut(duration.Value)}' is not an RFC 5545 duration such as PT2H");
            end = start + length;
        }
        else return (null, "dtend", "DTEND or DURATION is required");

        string? Get(string name) => e.TryGetValue(name, out var p) ? p.Value : null;
        IReadOnlyList<string>? ListOf(string name) =>
            Get(name) is { } v ? [.. SplitList(v).Select(Unescape)] : null;
        double? cap = null;
        if (Get("X-AUTORESPOND-CAP-SCORE") is { } capText)
        {
            if (!double.TryParse(capText, NumberStyles.Float, CultureInfo.InvariantCulture, out var c)) return (null, "x-autorespond-cap-score", "is not a number");
            cap = c;
        }
        var scope = new WindowScopeRequest(ListOf("X-AUTORESPOND-DEVICES"), ListOf("X-AUTORESPOND-ZONES"), ListOf("X-AUTORESPOND-USERS"),
            ListOf("X-AUTORESPOND-ACTIONS"));
        return (new WindowRequest(Unescape(summary.Value), Iso(start), Iso(end), Get("RRULE"), tz, scope,
            Get("X-AUTORESPOND-EFFECT") ?? "suppress", cap), "", null);
    }

    private static (DateTimeOffset Value, string? Tz, string? Error) Instant(Dictionary<string, string> parameters, string value)
    {
        if (parameters.TryGetValue("VALUE", out var kind) && kind == "DATE")
        {
            var date = DatePattern.Parse(value);
            return date.Success ? (new DateTimeOffset(date.Value.ToDateTimeUnspecified(), TimeSpan.Zero), null, null)
                : (default, null, $"'{Cut(value)}' is not a date such as 20261205");
        }
        bool utc = value.EndsWith('Z');
        var local = LocalPattern.Parse(utc ? value[..^1] : value);
        if (!local.Success) return (default, null, $"'{Cut(value)}' is not a date-time such as 20261205T220000Z");
        if (utc) return (new DateTimeOffset(local.Value.ToDateTimeUnspecified(), TimeSpan.Zero), null, null);
        if (!parameters.TryGetValue("TZID", out var tzid)) return (new DateTimeOffset(local.Value.ToDateTimeUnspecified(), TimeSpan.Zero), null, null);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(tzid) is not { } zone)
            return (default, null, $"TZID '{Cut(tzid)}' is not an IANA time zone such as Europe/Berlin");
        var resolved = zone.ResolveLocal(local.Value, NodaTime.TimeZones.Resolvers.LenientResolver);
        return (resolved.ToDateTimeOffset(), tzid, null);
    }

    private static string TimeProperty(string name, DateTimeOffset time, string? tz)
    {
        if (tz is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz) is { } zone)
            return $"{name};TZID={tz}:{LocalPattern.Format(NodaTime.Instant.FromDateTimeOffset(time).InZone(zone).LocalDateTime)}";
        return $"{name}:{Utc(time)}";
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    internal static TimeSpan? ParseDuration(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text,
            @"^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!match.Success || text is "P" or "PT" || text.EndsWith('T')) return null;
        long Part(int i) => match.Groups[i].Success ? long.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            var span = TimeSpan.FromDays(Part(1) * 7 + Part(2)) + TimeSpan.FromHours(Part(3)) + TimeSpan.FromMinutes(Part(4)) + TimeSpan.FromSeconds(Part(5));
            return span > TimeSpan.Zero ? span : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Unfold(string ics)
    {
        var current = new StringBuilder();
        foreach (var line in ics.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t') { current.Append(line, 1, line.Length - 1); continue; }
            if (current.Length > 0) yield return current.ToString();
            current.Clear().Append(line);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static (string? Name, Dictionary<string, string> Params, string Value) Parse(string line)
    {
        int colon = -1;
        bool quoted = false;
        for (int i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) colon = i;
        }
        if (colon <= 0) return (null, [], "");
        var head = line[..colon].Split(';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in head.Skip(1))
        {
            int eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) parameters[p[..eq]] = p[(eq + 1)..].Trim('"');
        }
        return (head[0].ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }

    private static IEnumerable<string> SplitList(string value)
    {
        var item = new StringBuilder();
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length) { item.Append(value[i]).Append(value[++i]); continue; }
            if (value[i] == ',') { yield return item.ToString(); item.Clear(); continue; }
            item.Append(value[i]);
        }
        if (item.Length > 0) yield return item.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string text) =>
        text.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\N", "\n", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal)
            .Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 §3.1), CRLF-terminated.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            int size = rune.Utf8SequenceLength;
            if (bytes + size > 75) { text.Append("\r\n "); bytes = 1; }
            text.Append(rune.ToString());
            bytes += size;
        }
        text.Append("\r\n");
    }
}
