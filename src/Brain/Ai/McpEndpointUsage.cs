namespace AutoRespond.Brain.Ai;

/// <summary>An MCP server seen on cleartext HTTP: where it answers, what it calls itself, who talks to it, which tools were called.</summary>
public sealed record McpEndpointUsage(string Server, int Port, string? Host, string? ServerName, IReadOnlyList<string> Clients,
    IReadOnlyList<string> ClientNames, IReadOnlyList<string> Tools, int Messages, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
