namespace AutoRespond.Brain.Ai;

/// <summary>The AI inventory at one moment: services (most bytes up first) and MCP endpoints.</summary>
public sealed record AiUsageReport(DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<AiServiceUsage> Services,
    IReadOnlyList<McpEndpointUsage> Mcp)
{
    public static AiUsageReport Empty { get; } = new(null, null, [], []);
}
