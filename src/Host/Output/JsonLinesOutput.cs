using System.Text.Encodings.Web;
using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;

namespace AutoRespond.Host.Output;

/// <summary>
/// CONTRACT.md §3: one JSON object per line, UTF-8, each with <c>type</c> and <c>time</c> (ISO-8601 UTC,
/// event time). Nothing else is written to the stream.
/// </summary>
public sealed class JsonLinesOutput(Stream stream, bool ownsStream = false) : IReplayOutput
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Utf8JsonWriter _writer = new(stream, WriterOptions);

    public void OnBreach(Breach breach) => Line(w =>
    {
        w.WriteString("type", "breach");
        w.WriteString("time", Iso(breach.Time));
        w.WriteString("id", breach.Id);
        w.WriteString("model", breach.Model);
        w.WriteString("device", breach.Device.Ip);
        w.WriteNumber("score", breach.Score);
        w.WriteString("summary", breach.Summary);
        w.WritePropertyName("evidence");
        JsonSerializer.Serialize(w, breach.Evidence, ValueOptions);
    });

    public void OnIncident(IncidentScored incident) => Line(w =>
    {
        w.WriteString("type", "incident");
        w.WriteString("time", Iso(incident.Time));
        w.WriteString("id", incident.Id);
        w.WriteNumber("revision", incident.Revision);
        w.WriteStartObject("device");
        w.WriteString("ip", incident.Device.Ip);
        w.WriteString("mac", incident.Device.Mac);
        w.WriteString("hostname", incident.Device.Hostname);
        w.WriteString("zone", incident.Device.Zone);
        w.WriteEndObject();
        w.WriteString("first_seen", Iso(incident.FirstSeen));
        w.WriteString("last_seen", Iso(incident.LastSeen));
        w.WriteNumber("score", incident.Score);
        w.WriteString("category", incident.Category);
        Strings(w, "models", incident.Models);
        Strings(w, "attack", incident.Attack);
        Strings(w, "breaches", incident.Breaches.Select(b => b.Id));
        w.WriteString("summary", incident.Summary);
    });

    public void OnAction(ActionDecision action) => Line(w =>
    {
        w.WriteString("type", "action");
        w.WriteString("time", Iso(action.Time));
        w.WriteString("id", action.ActionId);
        w.WriteString("incident", action.IncidentId);
        w.WriteString("kind", action.Kind);
        w.WriteString("target", action.Target);
        w.WriteString("state", action.State);
        w.WriteString("window", action.Window);
        if (action.Expires is { } expires) w.WriteString("expires", Iso(expires));
        else w.WriteNull("expires");
        w.WriteString("reason", action.Reason);
        w.WriteString("note", action.Note);
    });

    public void Complete(ReplaySummary summary) => stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        stream.Flush();
        if (ownsStream) stream.Dispose();
    }

    private void Line(Action<Utf8JsonWriter> body)
    {
        _writer.WriteStartObject();
        body(_writer);
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        stream.WriteByte((byte)'\n');
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
        System.Globalization.CultureInfo.InvariantCulture);
}
