using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Contracts;

namespace AutoRespond.Executors.Tickets.Content;

/// <summary>
/// What every ticket says about an incident: a title, the narrative (summary, device, window, models, ATT&amp;CK, every
/// breach with its evidence, the actions), the same as JSON, and a fingerprint of it all. The fingerprint is written into
/// the ticket, so a redelivered command finds the ticket up to date ("already in place") even after a restart, and an
/// incident that grew (new breaches, a new score, changed actions) gets an update.
/// </summary>
public sealed class TicketContent
{
    /// <summary>The line that carries the fingerprint inside descriptions.</summary>
    public const string FingerprintLabel = "AutoRespond fingerprint: ";

    private TicketContent(IncidentScored incident, IReadOnlyList<TicketActionLine> actions)
    {
        Incident = incident;
        Actions = actions;
        string device = incident.Device.Hostname is { Length: > 0 } host ? $"{host} ({incident.Device.Ip})" : incident.Device.Ip;
        Title = Clip(string.Create(CultureInfo.InvariantCulture, $"AutoRespond: {incident.Category} on {device}, score {incident.Score:0.00}"), 250);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())))[..16];
    }

    public IncidentScored Incident { get; }

    public IReadOnlyList<TicketActionLine> Actions { get; }

    public string Title { get; }

    public string Fingerprint { get; }

    /// <summary>critical ≥ 0.95, high ≥ 0.8, medium ≥ 0.6, else low.</summary>
    public string Severity => Incident.Score switch { >= 0.95 => "critical", >= 0.8 => "high", >= 0.6 => "medium", _ => "low" };

    public static TicketContent Build(IncidentScored incident, IReadOnlyList<TicketActionLine> actions) => new(incident, actions);

    /// <summary>The narrative as plain text, at most <paramref name="maxLength"/> characters, ending with the fingerprint line.</summary>
    public string Narrative(int maxLength = 3900)
    {
        var i = Incident;
        var text = new StringBuilder();
        text.AppendLine(i.Summary).AppendLine();
        text.AppendLine(Inv($"Incident {i.Id} (revision {i.Revision}), category {i.Category}, score {i.Score:0.00}"));
        text.AppendLine("Device: " + DeviceText(i.Device));
        text.AppendLine(Inv($"Activity: {Time(i.FirstSeen)} to {Time(i.LastSeen)}"));
        text.AppendLine("Models: " + string.Join(", ", i.Models));
        if (i.Attack.Count > 0)
            text.AppendLine("ATT&CK: " + string.Join(", ", i.Attack));
        text.AppendLine().AppendLine("Breaches:");
        foreach (var b in i.Breaches)
        {
            text.AppendLine(Inv($"- {Time(b.Time)} {b.Model} (score {b.Score:0.00}): {b.Summary}"));
            if (b.Evidence.Count > 0)
                text.AppendLine("    " + string.Join("; ", b.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={Evidence(e.Value)}")));
        }
        text.AppendLine().AppendLine("Actions:");
        if (Actions.Count == 0)
            text.AppendLine("- none yet");
        foreach (var a in Actions)
            text.AppendLine(ActionText(a));
        string footer = Environment.NewLine + FingerprintLabel + Fingerprint;
        string body = text.ToString().TrimEnd();
        return Clip(body, maxLength - footer.Length) + footer;
    }

    /// <summary>The incident as JSON: the fields of replay's incident line plus narrative, breaches with evidence, and actions.</summary>
    public JsonObject ToJson()
    {
        var i = Incident;
        return new JsonObject
        {
            ["id"] = i.Id,
            ["revision"] = i.Revision,
            ["time"] = Time(i.Time),
            ["device"] = new JsonObject { ["ip"] = i.Device.Ip, ["mac"] = i.Device.Mac, ["hostname"] = i.Device.Hostname, ["zone"] = i.Device.Zone },
            ["first_seen"] = Time(i.FirstSeen),
            ["last_seen"] = Time(i.LastSeen),
            ["score"] = Math.Round(i.Score, 4),
            ["severity"] = Severity,
            ["category"] = i.Category,
            ["models"] = new JsonArray([.. i.Models.Select(m => JsonValue.Create(m))]),
            ["attack"] = new JsonArray([.. i.Attack.Select(a => JsonValue.Create(a))]),
            ["summary"] = i.Summary,
            ["narrative"] = Narrative(int.MaxValue),
            ["breaches"] = new JsonArray([.. i.Breaches.Select(b => new JsonObject
            {
                ["id"] = b.Id,
                ["model"] = b.Model,
                ["time"] = Time(b.Time),
                ["score"] = Math.Round(b.Score, 4),
                ["summary"] = b.Summary,
                ["evidence"] = EvidenceJson(b.Evidence),
                ["peers"] = new JsonArray([.. b.Peers.Select(p => JsonValue.Create(p))]),
            })]),
            ["actions"] = new JsonArray([.. Actions.Select(a => new JsonObject
            {
                ["id"] = a.ActionId,
                ["kind"] = a.Kind,
                ["state"] = a.State,
                ["target"] = a.Target,
                ["expires"] = a.Expires is { } e ? Time(e) : null,
            })]),
            ["fingerprint"] = Fingerprint,
        };
    }

    /// <summary>The fingerprint a ticket's text carries, or null.</summary>
    public static string? FingerprintIn(string? text)
    {
        if (text is null)
            return null;
        int at = text.LastIndexOf(FingerprintLabel, StringComparison.Ordinal);
        if (at < 0 || text.Length < at + FingerprintLabel.Length + 16)
            return null;
        string value = text.Substring(at + FingerprintLabel.Length, 16);
        return value.All(char.IsAsciiHexDigitLower) ? value : null;
    }

    public static string DeviceText(DeviceRef d) =>
        d.Ip + (d.Hostname is { Length: > 0 } ? $" ({d.Hostname})" : "") + (d.Zone is { Length: > 0 } ? $", zone {d.Zone}" : "")
        + (d.Mac is { Length: > 0 } ? $", MAC {d.Mac}" : "");

    public static string ActionText(TicketActionLine a) =>
        $"- {a.ActionId} {a.Kind}: {a.State} against {a.Target}" + (a.Expires is { } e ? $" (expires {Time(e)})" : "");

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Evidence(object value) => value switch
    {
        string s => Clip(s, 200),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => Clip(string.Join(",", list.Cast<object>().Select(Evidence)), 200),
        _ => Clip(value.ToString() ?? "", 200),
    };

    public static JsonObject EvidenceJson(IReadOnlyDictionary<string, object> evidence)
    {
        var json = new JsonObject();
        foreach (var (key, value) in evidence.OrderBy(e => e.Key, StringComparer.Ordinal))
            json[key] = Node(value);
        return json;
    }

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int n => JsonValue.Create(n),
        long n => JsonValue.Create(n),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(CultureInfo.InvariantCulture)),
        float f => JsonValue.Create((double)f),
        decimal m => JsonValue.Create(m),
        IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(Node)]),
        IFormattable f => JsonValue.Create(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>Everything a ticket shows except the revision and times of publication: a re-publication of the same content is not an update.</summary>
    private string Canonical()
    {
        var json = ToJsonWithoutNarrative();
        return json.ToJsonString();
    }

    private JsonObject ToJsonWithoutNarrative()
    {
        var i = Incident;
        return new JsonObject
        {
            ["id"] = i.Id,
            ["score"] = Math.Round(i.Score, 4),
            ["category"] = i.Category,
            ["summary"] = i.Summary,
            ["device"] = DeviceText(i.Device),
            ["seen"] = Time(i.FirstSeen) + "/" + Time(i.LastSeen),
            ["models"] = string.Join(",", i.Models),
            ["attack"] = string.Join(",", i.Attack),
            ["breaches"] = new JsonArray([.. i.Breaches.Select(b => new JsonObject
            {
                ["id"] = b.Id, ["model"] = b.Model, ["time"] = Time(b.Time), ["score"] = Math.Round(b.Score, 4), ["summary"] = b.Summary,
                ["evidence"] = EvidenceJson(b.Evidence),
            })]),
            ["actions"] = new JsonArray([.. Actions.OrderBy(a => a.ActionId, StringComparer.Ordinal).Select(a => JsonValue.Create(ActionText(a)))]),
        };
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text, int max) => max <= 0 ? "" : text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "…";
}
