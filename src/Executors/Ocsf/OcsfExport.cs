using System.Text.Json.Nodes;
using AutoRespond.Contracts;
using AutoRespond.Executors.Tickets.Content;

namespace AutoRespond.Executors.Ocsf;

/// <summary>
/// An incident in OCSF 1.8.0 (INTEGRATIONS.md §5.1): one Detection Finding (class 2004) per breach and one Incident
/// Finding (class 2005) for the incident, category Findings (2), <c>type_uid = class_uid × 100 + activity_id</c>,
/// <c>time</c> in epoch milliseconds. Every required attribute of both classes is set (and the 2005 constraint "assignee
/// or assignee_group"); ATT&amp;CK techniques go to <c>finding_info.attacks</c>.
/// </summary>
public static class OcsfExport
{
    public const string SchemaVersion = "1.8.0";

    public const int CategoryFindings = 2;
    public const int DetectionFindingClass = 2004;
    public const int IncidentFindingClass = 2005;

    public const int ActivityCreate = 1;
    public const int ActivityUpdate = 2;
    public const int ActivityClose = 3;

    /// <summary>Incident Finding status: 1 New, 2 In Progress, 3 On Hold, 4 Resolved, 5 Closed.</summary>
    public const int StatusNew = 1;
    public const int StatusInProgress = 2;
    public const int StatusResolved = 4;

    /// <summary>The Incident Finding followed by one Detection Finding per breach.</summary>
    public static JsonArray Export(IncidentScored incident, IReadOnlyList<TicketActionLine>? actions = null, OcsfOptions? options = null,
        int activityId = ActivityCreate, int statusId = StatusNew)
    {
        var all = new JsonArray(IncidentFinding(incident, actions, options, activityId, statusId));
        foreach (var finding in DetectionFindings(incident, options, activityId))
            all.Add(finding);
        return all;
    }

    public static IReadOnlyList<JsonObject> DetectionFindings(IncidentScored incident, OcsfOptions? options = null, int activityId = ActivityCreate) =>
        [.. incident.Breaches.Select(b => DetectionFinding(b, incident, options, activityId))];

    public static JsonObject DetectionFinding(Breach breach, IncidentScored incident, OcsfOptions? options = null, int activityId = ActivityCreate)
    {
        options ??= OcsfOptions.Default;
        var finding = Base(DetectionFindingClass, "Detection Finding", activityId, breach.Time, breach.Score);
        finding["status_id"] = StatusNew;
        finding["status"] = "New";
        finding["message"] = breach.Summary;
        finding["is_alert"] = true;
        finding["confidence_score"] = (int)Math.Round(Math.Clamp(breach.Score, 0, 1) * 100);
        finding["confidence_id"] = Confidence(breach.Score);
        finding["metadata"] = Metadata(options, breach.Id, incident.Id, profiles: null);
        finding["finding_info"] = new JsonObject
        {
            ["uid"] = breach.Id,
            ["title"] = breach.Model,
            ["desc"] = breach.Summary,
            ["types"] = new JsonArray(breach.Model),
            ["analytic"] = new JsonObject { ["uid"] = breach.Model, ["name"] = breach.Model, ["type_id"] = 3, ["type"] = "Statistical" },
            ["attacks"] = OcsfAttack.Objects(options.AttackOfModel(breach.Model)),
            ["first_seen_time"] = Ms(breach.Time),
            ["last_seen_time"] = Ms(breach.Time),
        };
        var evidence = new JsonObject
        {
            ["src_endpoint"] = Endpoint(breach.Device),
            ["data"] = TicketContent.EvidenceJson(breach.Evidence),
        };
        if (breach.Peers.Count > 0)
            evidence["dst_endpoint"] = new JsonObject { ["ip"] = breach.Peers[0] };
        finding["evidences"] = new JsonArray(evidence);
        finding["observables"] = Observables(breach.Device, breach.Peers);
        return finding;
    }

    public static JsonObject IncidentFinding(IncidentScored incident, IReadOnlyList<TicketActionLine>? actions = null, OcsfOptions? options = null,
        int activityId = ActivityCreate, int statusId = StatusNew)
    {
        options ??= OcsfOptions.Default;
        var finding = Base(IncidentFindingClass, "Incident Finding", activityId, incident.Time, incident.Score);
        finding["status_id"] = statusId;
        finding["status"] = statusId switch { 1 => "New", 2 => "In Progress", 3 => "On Hold", 4 => "Resolved", 5 => "Closed", _ => "Other" };
        finding["metadata"] = Metadata(options, incident.Id, incident.Id, profiles: ["incident"]);
        finding["finding_info_list"] = new JsonArray([.. incident.Breaches.Select(b => new JsonObject
        {
            ["uid"] = b.Id,
            ["title"] = b.Model,
            ["desc"] = b.Summary,
            ["attacks"] = OcsfAttack.Objects(options.AttackOfModel(b.Model)),
        })]);
        finding["assignee_group"] = new JsonObject { ["name"] = options.AssigneeGroup };
        finding["desc"] = incident.Summary;
        finding["message"] = $"{incident.Category} on {incident.Device.Ip}: {incident.Summary}";
        int level = Level(incident.Score);
        finding["priority_id"] = level;
        finding["priority"] = LevelName(level);
        finding["impact_id"] = level;
        finding["impact"] = LevelName(level);
        finding["impact_score"] = (int)Math.Round(Math.Clamp(incident.Score, 0, 1) * 100);
        finding["confidence_score"] = (int)Math.Round(Math.Clamp(incident.Score, 0, 1) * 100);
        finding["confidence_id"] = Confidence(incident.Score);
        finding["start_time"] = Ms(incident.FirstSeen);
        finding["end_time"] = Ms(incident.LastSeen);
        finding["observables"] = Observables(incident.Device, []);
        finding["attacks"] = OcsfAttack.Objects(incident.Attack);
        if (actions is { Count: > 0 })
            finding["unmapped"] = new JsonObject { ["actions"] = new JsonArray([.. actions.Select(a => JsonValue.Create(TicketContent.ActionText(a)[2..]))]) };
        return finding;
    }

    /// <summary>OCSF <c>timestamp_t</c>: milliseconds since the Unix epoch.</summary>
    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary><c>severity_id</c>: 5 Critical ≥ 0.95, 4 High ≥ 0.8, 3 Medium ≥ 0.6, 2 Low ≥ 0.3, else 1 Informational.</summary>
    public static int SeverityId(double score) => score switch { >= 0.95 => 5, >= 0.8 => 4, >= 0.6 => 3, >= 0.3 => 2, _ => 1 };

    private static JsonObject Base(int classUid, string className, int activityId, DateTimeOffset time, double score)
    {
        string activity = activityId switch { 1 => "Create", 2 => "Update", 3 => "Close", _ => "Other" };
        int severity = SeverityId(score);
        return new JsonObject
        {
            ["class_uid"] = classUid,
            ["class_name"] = className,
            ["category_uid"] = CategoryFindings,
            ["category_name"] = "Findings",
            ["activity_id"] = activityId,
            ["activity_name"] = activity,
            ["type_uid"] = classUid * 100L + activityId,
            ["type_name"] = $"{className}: {activity}",
            ["time"] = Ms(time),
            ["timezone_offset"] = 0,
            ["severity_id"] = severity,
            ["severity"] = severity switch { 5 => "Critical", 4 => "High", 3 => "Medium", 2 => "Low", _ => "Informational" },
        };
    }

    private static JsonObject Metadata(OcsfOptions options, string uid, string correlation, string[]? profiles)
    {
        var metadata = new JsonObject
        {
            ["version"] = SchemaVersion,
            ["product"] = new JsonObject { ["name"] = options.ProductName, ["vendor_name"] = options.VendorName },
            ["uid"] = uid,
            ["correlation_uid"] = correlation,
        };
        if (profiles is not null)
            metadata["profiles"] = new JsonArray([.. profiles.Select(p => JsonValue.Create(p))]);
        return metadata;
    }

    private static JsonObject Endpoint(DeviceRef device)
    {
        var endpoint = new JsonObject { ["ip"] = device.Ip };
        if (device.Hostname is { Length: > 0 } host)
            endpoint["hostname"] = host;
        if (device.Mac is { Length: > 0 } mac)
            endpoint["mac"] = mac;
        return endpoint;
    }

    /// <summary>Observables: type 2 IP Address, 1 Hostname, 3 MAC Address.</summary>
    private static JsonArray Observables(DeviceRef device, IReadOnlyList<string> peers)
    {
        var list = new JsonArray(Observable("device.ip", 2, device.Ip));
        if (device.Hostname is { Length: > 0 } host)
            list.Add(Observable("device.hostname", 1, host));
        if (device.Mac is { Length: > 0 } mac)
            list.Add(Observable("device.mac", 3, mac));
        foreach (var peer in peers.Distinct(StringComparer.Ordinal))
            list.Add(Observable("dst_endpoint.ip", 2, peer));
        return list;
    }

    private static JsonObject Observable(string name, int typeId, string value) =>
        new() { ["name"] = name, ["type_id"] = typeId, ["value"] = value };

    /// <summary>priority_id / impact_id: 4 Critical, 3 High, 2 Medium, 1 Low.</summary>
    private static int Level(double score) => score switch { >= 0.95 => 4, >= 0.8 => 3, >= 0.6 => 2, _ => 1 };

    private static string LevelName(int level) => level switch { 4 => "Critical", 3 => "High", 2 => "Medium", _ => "Low" };

    /// <summary>confidence_id: 3 High ≥ 0.9, 2 Medium ≥ 0.7, 1 Low.</summary>
    private static int Confidence(double score) => score >= 0.9 ? 3 : score >= 0.7 ? 2 : 1;
}
