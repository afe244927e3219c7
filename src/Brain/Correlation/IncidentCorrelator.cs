using System.Globalization;
using System.Text;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Models;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Correlation;

/// <summary>
/// Merges breaches into incidents (DETECTION.md §3): a breach joins the open incident of its device when
/// the device's last breach is within the link window, or the incident of another device whose breach
/// within the window named this device as a peer (a pivot). Every change re-publishes the incident with a
/// higher revision. Incidents quiet for <see cref="BrainOptions.IncidentQuietClose"/> close.
/// </summary>
public sealed class IncidentCorrelator(BrainOptions options, DeviceRegistry devices)
{
    private readonly List<OpenIncident> _open = [];

    public int OpenCount => _open.Count;

    public IncidentScored Add(Breach breach)
    {
        _open.RemoveAll(i => breach.Time - i.LastSeen > options.IncidentQuietClose);
        var incident = FindFor(breach) ?? Open(breach);
        incident.Breaches.Add(breach);
        if (breach.Time > incident.LastSeen) incident.LastSeen = breach.Time;
        incident.Revision++;
        return Snapshot(incident, breach.Time);
    }

    private OpenIncident? FindFor(Breach breach)
    {
        var window = options.IncidentLinkWindow;
        var own = _open.LastOrDefault(i => i.Device.Ip == breach.Device.Ip && breach.Time - i.LastSeen <= window);
        if (own is not null) return own;
        return _open.LastOrDefault(i => i.Breaches.Any(b =>
            breach.Time - b.Time <= window && b.Peers.Contains(breach.Device.Ip, StringComparer.Ordinal)));
    }

    private OpenIncident Open(Breach breach)
    {
        string id = "inc-" + BrainContext.ShortHash($"{breach.Device.Ip}|{breach.Id}");
        var incident = new OpenIncident(id, breach.Device, breach.Time);
        _open.Add(incident);
        return incident;
    }

    private IncidentScored Snapshot(OpenIncident incident, DateTimeOffset time)
    {
        var breaches = incident.Breaches.OrderBy(b => b.Time).ToArray();
        double score = IncidentScore.Compute(breaches, IsCriticalFromIt);
        var models = breaches.Select(b => b.Model).Distinct().ToArray();
        var attack = models.SelectMany(m => ModelCatalog.Get(m).Attack).Distinct().ToArray();
        var device = devices.Find(incident.Device.Ip)?.ToRef() ?? incident.Device;
        return new IncidentScored(incident.Id, incident.Revision, time, device, incident.FirstSeen,
            incident.LastSeen, score, Categorize(models), models, attack, Narrate(device, breaches, score), breaches);
    }

    private bool IsCriticalFromIt(Breach breach) =>
        breach.Model is ModelIds.UncommonIcsReprogram or ModelIds.NewIcsActionCommands
        && breach.Evidence.TryGetValue("critical", out var critical) && critical is true
        && devices.Find(breach.Device.Ip)?.Zone?.Kind == ZoneKind.It;

    /// <summary>The category names the furthest stage the incident reached.</summary>
    public static string Categorize(IReadOnlyCollection<string> models)
    {
        int top = models.Max(m => ModelCatalog.Get(m).Stage);
        bool ics = models.Any(m => m.Contains("ics", StringComparison.Ordinal));
        if (models.All(m => m is ModelIds.ShadowAiUsage or ModelIds.AiDataUpload or ModelIds.McpActivity))
            return "shadow-ai"; // AI use and uploads alone are a governance story, not an intrusion's command and control
        return top switch
        {
            >= ModelCatalog.ImpairControl => "ics-sabotage",
            ModelCatalog.CommandAndControl => "command-and-control",
            ModelCatalog.Discovery => ics ? "ics-reconnaissance" : "reconnaissance",
            ModelCatalog.LateralMovement => "lateral-movement",
            _ => "unusual-new-device",
        };
    }

    private static string Narrate(DeviceRef device, IReadOnlyList<Breach> breaches, double score)
    {
        var text = new StringBuilder();
        string name = device.Hostname is null ? device.Ip : $"{device.Hostname} ({device.Ip})";
        var behaviours = breaches.Select(b => ModelCatalog.Get(b.Model).Behaviour).Distinct();
        text.Append(CultureInfo.InvariantCulture, $"{name}{(device.Zone is null ? "" : " in " + device.Zone)}: ");
        text.AppendJoin(", then ", behaviours);
        text.Append(CultureInfo.InvariantCulture, $" (score {score:0.00}). ");
        foreach (var b in breaches)
            text.Append(CultureInfo.InvariantCulture, $"{b.Time:HH:mm:ss} {b.Summary} ");
        return text.ToString().TrimEnd();
    }

    private sealed class OpenIncident(string id, DeviceRef device, DateTimeOffset firstSeen)
    {
        public string Id { get; } = id;
        public DeviceRef Device { get; } = device;
        public DateTimeOffset FirstSeen { get; } = firstSeen;
        public DateTimeOffset LastSeen { get; set; } = firstSeen;
        public int Revision { get; set; }
        public List<Breach> Breaches { get; } = [];
    }
}
