using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Firewalls.PanOs;

/// <summary>PAN-OS answers XML, read as text; Refit's generated client still takes a context (it describes no body type).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class PanOsJsonContext : JsonSerializerContext;
