namespace AutoRespond.Contracts;

/// <summary>Stable model ids (CONTRACT.md §4). Never rename: scripts and policies refer to them.</summary>
public static class ModelIds
{
    public const string NewDeviceUnusualActivity = "new-device-unusual-activity";
    public const string SslNoSniNewExternal = "ssl-no-sni-new-external";
    public const string RareExternalSelfSigned = "rare-external-self-signed";
    public const string UnusualAdminRdp = "unusual-admin-rdp";
    public const string MultipleFailedInternalConnections = "multiple-failed-internal-connections";
    public const string PossibleIcsProtocol = "possible-ics-protocol";
    public const string ItToIcsConnection = "it-to-ics-connection";
    public const string FailedConnectionsToIcsDevice = "failed-connections-to-ics-device";
    public const string NewIcsDiscoverCommands = "new-ics-discover-commands";
    public const string NewIcsActionCommands = "new-ics-action-commands";
    public const string UncommonIcsReprogram = "uncommon-ics-reprogram";
    public const string UnusualIcsConnectivity = "unusual-ics-connectivity";

    /// <summary>An additive id beyond the reference incident's twelve (not in <see cref="All"/>, which lists those).</summary>
    public const string UnusualDataTransfer = "unusual-data-transfer";

    /// <summary>Additive (issue 9): a device uses an AI service the organisation has not sanctioned.</summary>
    public const string ShadowAiUsage = "shadow-ai-usage";

    /// <summary>Additive (issue 9): unusually high volume sent to an AI service.</summary>
    public const string AiDataUpload = "ai-data-upload";

    /// <summary>Additive (issue 9): MCP (Model Context Protocol) clients or servers appearing on the network.</summary>
    public const string McpActivity = "mcp-activity";

    public static IReadOnlyList<string> All { get; } =
    [
        NewDeviceUnusualActivity, SslNoSniNewExternal, RareExternalSelfSigned, UnusualAdminRdp,
        MultipleFailedInternalConnections, PossibleIcsProtocol, ItToIcsConnection, FailedConnectionsToIcsDevice,
        NewIcsDiscoverCommands, NewIcsActionCommands, UncommonIcsReprogram, UnusualIcsConnectivity,
    ];
}

/// <summary>Stable action kinds (CONTRACT.md §4).</summary>
public static class ActionKinds
{
    public const string Ticket = "ticket";
    public const string TcpReset = "tcp-reset";
    public const string FirewallBlock = "firewall-block";
    public const string SwitchQuarantine = "switch-quarantine";
    public const string RevokeSessions = "revoke-sessions";
    public const string DisableUser = "disable-user";
    public const string QuarantineEmail = "quarantine-email";

    public static IReadOnlyList<string> All { get; } =
        [Ticket, TcpReset, FirewallBlock, SwitchQuarantine, RevokeSessions, DisableUser, QuarantineEmail];

    /// <summary>Kinds whose effect cannot be undone by a revert (a revoked session stays revoked).</summary>
    public static bool IsRevertible(string kind) => kind is not (RevokeSessions or Ticket);
}

/// <summary>Action states as printed by replay and stored in the ledger (CONTRACT.md §3).</summary>
public static class ActionStates
{
    public const string Executed = "executed";
    public const string DryRun = "dry-run";
    public const string AwaitingConfirmation = "awaiting-confirmation";
    public const string SuppressedByWindow = "suppressed-by-window";
    public const string CappedByWindow = "capped-by-window";
    public const string BlockedProtected = "blocked-protected";
    public const string BlockedLimit = "blocked-limit";
    public const string Failed = "failed";
    public const string Released = "released";
    public const string Expired = "expired";
}
