using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;

namespace AutoRespond.Host.Output;

/// <summary>
/// The human view: one aligned row per breach, incident revision and action, then a short summary.
/// Long text is wrapped under its row rather than cut.
/// </summary>
public sealed class TableOutput(TextWriter writer, int width = 120, bool ownsWriter = false) : IReplayOutput
{
    private readonly Dictionary<string, HashSet<string>> _models = new(StringComparer.Ordinal);
    private bool _headerWritten;

    public void OnBreach(Breach breach) =>
        Row(breach.Time, "breach", breach.Device.Ip, breach.Score, breach.Model, breach.Summary);

    /// <summary>The first revision lists the incident's models; later ones only what they add, so a growing story stays readable.</summary>
    public void OnIncident(IncidentScored incident)
    {
        var known = _models.GetValueOrDefault(incident.Id);
        var added = known is null ? incident.Models : incident.Models.Where(m => !known.Contains(m)).ToArray();
        _models[incident.Id] = [.. incident.Models];
        string detail = known is null ? string.Join(", ", added)
            : added.Count == 0 ? "(score or evidence updated)" : "+ " + string.Join(", ", added);
        Row(incident.Time, "incident", incident.Device.Ip, incident.Score,
            $"{incident.Id} r{incident.Revision} {incident.Category}", detail);
    }

    public void OnAction(ActionDecision action) =>
        Row(action.Time, "action", action.Target, null, $"{action.Kind} → {action.State}",
            action.Window is null ? action.Reason : $"[{action.Window}] {action.Reason}");

    public void Complete(ReplaySummary s)
    {
        if (!_headerWritten) writer.WriteLine("No breaches, incidents or actions.");
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Packets:N0} packets, {s.Events:N0} events, {Plural(s.Breaches, "breach", "breaches")}, {Plural(s.Incidents, "incident", "incidents")}, {Plural(s.Actions, "action", "actions")}"
            + $" ({Span(s.FirstPacket, s.LastPacket)} of traffic replayed in {s.Elapsed.TotalSeconds:0.00} s)"));
        writer.Flush();
    }

    public void Dispose()
    {
        writer.Flush();
        if (ownsWriter) writer.Dispose();
    }

    private void Row(DateTimeOffset time, string type, string device, double? score, string what, string detail)
    {
        if (!_headerWritten)
        {
            writer.WriteLine($"{"TIME (UTC)",-19}  {"TYPE",-8}  {"DEVICE",-15}  {"SCORE",5}  WHAT");
            _headerWritten = true;
        }
        string scoreText = score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "";
        writer.WriteLine($"{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19}  {type,-8}  {device,-15}  {scoreText,5}  {what}");
        foreach (string line in Wrap(detail, Math.Max(40, width - 12)))
            writer.WriteLine("            " + line);
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private static string Plural(int n, string one, string many) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    private static string Span(DateTimeOffset? first, DateTimeOffset? last) =>
        first is { } f && last is { } l ? $"{(l - f).TotalHours:0.0} h" : "no packets";
}
