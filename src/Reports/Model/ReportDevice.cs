namespace AutoRespond.Reports.Model;

/// <summary>A device ranked by how anomalous it was: its highest incident score, then its breach count.</summary>
public sealed record ReportDevice(string Ip, string? Hostname, string? Zone, double MaxScore, int Incidents, int Breaches,
    IReadOnlyList<string> Models);
