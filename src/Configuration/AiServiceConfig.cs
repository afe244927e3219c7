namespace AutoRespond.Configuration;

/// <summary>One AI service of a catalogue (the built-in <c>ai-services.yaml</c> or the file <c>ai.catalogue</c> names).</summary>
/// <param name="Id">Stable id, such as <c>chatgpt</c>: what <c>ai.sanctioned</c> and reports name it by.</param>
/// <param name="Name">Display name, such as <c>ChatGPT</c>.</param>
/// <param name="Vendor">Who runs it, such as <c>OpenAI</c>.</param>
/// <param name="Category">What kind of service it is.</param>
/// <param name="Hosts">Host-name patterns: an exact name (<c>chatgpt.com</c>) or a wildcard for every sub-domain (<c>*.chatgpt.com</c>).</param>
/// <param name="Sanctioned">Approved by the organisation (the catalogue's default; <c>ai.sanctioned</c> adds to it).</param>
public sealed record AiServiceConfig(string Id, string Name, string Vendor, AiCategory Category, IReadOnlyList<string> Hosts, bool Sanctioned);

/// <summary>Kinds of AI service: <c>chat-assistant</c>, <c>api</c>, <c>code-assistant</c>, <c>agent-platform</c>, <c>mcp-server</c>.</summary>
public enum AiCategory
{
    /// <summary><c>chat-assistant</c>: a chat product for people (ChatGPT, Claude, Gemini, Copilot).</summary>
    ChatAssistant,

    /// <summary><c>api</c>: a model API for programs (api.openai.com, api.anthropic.com).</summary>
    Api,

    /// <summary><c>code-assistant</c>: coding help in an editor (GitHub Copilot, Cursor, Codeium).</summary>
    CodeAssistant,

    /// <summary><c>agent-platform</c>: hosted agents and model hubs (Hugging Face, Replicate, Poe).</summary>
    AgentPlatform,

    /// <summary><c>mcp-server</c>: a hosted Model Context Protocol server.</summary>
    McpServer,
}
