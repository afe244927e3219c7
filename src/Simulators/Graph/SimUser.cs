namespace AutoRespond.Simulators.Graph;

/// <summary>A user of the simulated tenant. Mutated only under <see cref="GraphDirectory"/>'s lock.</summary>
public sealed class SimUser(string id, string userPrincipalName, string displayName)
{
    public string Id { get; } = id;

    public string UserPrincipalName { get; } = userPrincipalName;

    public string DisplayName { get; set; } = displayName;

    public bool AccountEnabled { get; set; } = true;

    public DateTimeOffset? SignInSessionsValidFrom { get; set; }

    /// <summary>Identity Protection: none, confirmedCompromised, dismissed, atRisk…</summary>
    public string RiskState { get; set; } = "none";

    public string RiskLevel { get; set; } = "none";

    public string RiskDetail { get; set; } = "none";

    public DateTimeOffset? RiskLastUpdated { get; set; }

    /// <summary>Well-known name → folder id.</summary>
    public Dictionary<string, string> Folders { get; } = new(StringComparer.Ordinal);

    public List<SimMessage> Messages { get; } = [];
}
