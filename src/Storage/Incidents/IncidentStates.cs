namespace AutoRespond.Storage;

/// <summary>An incident's handling state, set by people through the API; kept when a new revision arrives.</summary>
public static class IncidentStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Closed];
}
