namespace AutoRespond.Reports.Model;

/// <summary>One bar of a chart: a label (a day, an hour, an action kind) and its count, optionally split by series.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<(string Series, int Count)> Parts)
{
    public int Total => Parts.Sum(p => p.Count);
}
