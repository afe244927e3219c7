namespace AutoRespond.Executors.Graph;

/// <summary>How quarantine-email picks and moves messages. The defaults suit production.</summary>
public sealed record GraphMailOptions
{
    public static GraphMailOptions Default { get; } = new();

    /// <summary>
    /// Where quarantined messages go: a well-known folder name or a folder id. The default value is <c>deleteditems</c>
    /// (INTEGRATIONS.md §1.6: a move there is reversible; a delete or permanentDelete is not).
    /// </summary>
    public string QuarantineFolder { get; init; } = "deleteditems";

    /// <summary>Where a revert moves messages back to. The default value is <c>inbox</c>.</summary>
    public string RestoreFolder { get; init; } = "inbox";

    /// <summary>
    /// How long before the incident's first activity a message found by search may have arrived (the lure precedes
    /// the traffic). The default value is 24 hours; messages after the incident's last activity plus one hour are ignored.
    /// </summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromHours(24);

    /// <summary>At most this many endpoints (addresses, host names) are searched per action. The default value is 10.</summary>
    public int MaxSearchTerms { get; init; } = 10;

    /// <summary>Messages read per search (<c>$top</c>). The default value is 50.</summary>
    public int PageSize { get; init; } = 50;
}
