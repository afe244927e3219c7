using AutoRespond.Configuration;

namespace AutoRespond.Brain.Ai;

/// <summary>One AI service as the brain and the reports see it: catalogue data plus the organisation's verdict.</summary>
public sealed record AiService(string Id, string Name, string Vendor, string Category, IReadOnlyList<string> Hosts, bool Sanctioned)
{
    /// <summary>The kebab-case category name of the catalogue (<c>chat-assistant</c>, <c>api</c>, ...).</summary>
    public static string CategoryName(AiCategory category) => category switch
    {
        AiCategory.ChatAssistant => "chat-assistant",
        AiCategory.Api => "api",
        AiCategory.CodeAssistant => "code-assistant",
        AiCategory.AgentPlatform => "agent-platform",
        _ => "mcp-server",
    };
}
