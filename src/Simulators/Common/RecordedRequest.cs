namespace AutoRespond.Simulators.Common;

/// <summary>One request a simulator received, exactly as it arrived (headers as sent, body as raw text).</summary>
/// <param name="Status">What the simulator answered.</param>
public sealed record RecordedRequest(
    long Sequence,
    string Vendor,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    DateTimeOffset Time)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
