namespace AutoRespond.Simulators.Common;

/// <summary>
/// The credentials the simulators accept. Defaults are well-known demo values (docs/simulators.md lists them
/// with the environment variables to export); tests may choose their own.
/// </summary>
public sealed record SimulatorCredentials
{
    public string FortiOsToken { get; init; } = "sim-fortios-token";
    public string PanOsKey { get; init; } = "sim-panos-key";
    public string OpnSenseKey { get; init; } = "sim-opnsense-key";
    public string OpnSenseSecret { get; init; } = "sim-opnsense-secret";
    public string SwitchUser { get; init; } = "sim-admin";
    public string SwitchPassword { get; init; } = "sim-switch-password";
    public string GraphTenantId { get; init; } = "00000000-0000-0000-0000-00000000a11c";
    public string GraphClientId { get; init; } = "00000000-0000-0000-0000-0000000000c1";
    public string GraphClientSecret { get; init; } = "sim-graph-client-secret";
    public string GraphAccessToken { get; init; } = "sim-graph-access-token";
    public string ServiceNowUser { get; init; } = "sim-sn-user";
    public string ServiceNowPassword { get; init; } = "sim-sn-password";
    public string JiraEmail { get; init; } = "sim@example.com";
    public string JiraToken { get; init; } = "sim-jira-token";
    public string PagerDutyRoutingKey { get; init; } = "simpagerdutyroutingkey0000000000";
    public string WebhookSecret { get; init; } = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>Environment variable name → value, matching the sample config in docs/simulators.md.</summary>
    public IReadOnlyDictionary<string, string> AsEnvironment() => new Dictionary<string, string>
    {
        ["FORTIOS_TOKEN"] = FortiOsToken,
        ["PANOS_KEY"] = PanOsKey,
        ["OPN_KEY"] = OpnSenseKey,
        ["OPN_SECRET"] = OpnSenseSecret,
        ["SW_USER"] = SwitchUser,
        ["SW_PASS"] = SwitchPassword,
        ["GRAPH_SECRET"] = GraphClientSecret,
        ["GRAPH_TOKEN"] = GraphAccessToken,
        ["SN_USER"] = ServiceNowUser,
        ["SN_PASS"] = ServiceNowPassword,
        ["JIRA_USER"] = JiraEmail,
        ["JIRA_TOKEN"] = JiraToken,
        ["PD_KEY"] = PagerDutyRoutingKey,
        ["HOOK_SECRET"] = WebhookSecret,
    };
}
