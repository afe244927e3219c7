using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;

namespace AutoRespond.Brain.Tests.Ai;

public sealed class AiCatalogueTests
{
    [Fact]
    public void Default_BuiltInCatalogue_CoversTheMajorServicesWithNothingSanctioned()
    {
        var catalogue = AiCatalogue.Default;
        catalogue.Services.Count.ShouldBeGreaterThanOrEqualTo(30);
        catalogue.Services.Select(s => s.Id).ShouldBeUnique();
        catalogue.Services.ShouldAllBe(s => !s.Sanctioned && s.Hosts.Count > 0);
        foreach (string id in (string[])["chatgpt", "openai-api", "claude", "gemini", "microsoft-copilot", "github-copilot", "deepseek", "perplexity", "mistral"])
            catalogue.Find(id).ShouldNotBeNull(id);
        catalogue.Services.Select(s => s.Category).Distinct().Order()
            .ShouldBe(["agent-platform", "api", "chat-assistant", "code-assistant", "mcp-server"]);
    }

    [Theory]
    [InlineData("chatgpt.com", "chatgpt")]
    [InlineData("CHATGPT.COM.", "chatgpt")]
    [InlineData("ab.chatgpt.com", "chatgpt")]
    [InlineData("api.openai.com", "openai-api")]
    [InlineData("api.openai.com:443", "openai-api")]
    [InlineData("contoso.openai.azure.com", "azure-openai")]
    [InlineData("chat.deepseek.com", "deepseek")]
    [InlineData("api.deepseek.com", "deepseek-api")]
    [InlineData("notchatgpt.com", null)]
    [InlineData("chatgpt.com.evil.example", null)]
    [InlineData("openai.azure.com", null)]
    [InlineData("", null)]
    public void Match_HostName_ExactBeforeLongestWildcard(string host, string? expected) =>
        AiCatalogue.Default.Match(host)?.Id.ShouldBe(expected);

    [Fact]
    public void From_ConfigEntriesAndSanctioned_OverrideAddAndReportUnknownNames()
    {
        var config = new AiConfig(["chatgpt", "Claude", "no-such-ai"], "x.yaml",
        [
            new AiServiceConfig("chatgpt", "ChatGPT Enterprise", "OpenAI", AiCategory.ChatAssistant, ["chatgpt.com"], false),
            new AiServiceConfig("internal-llm", "Internal LLM", "Contoso", AiCategory.Api, ["llm.contoso.com"], true),
        ]);
        var catalogue = AiCatalogue.From(config);

        catalogue.Match("chatgpt.com")!.ShouldSatisfyAllConditions(s => s.Name.ShouldBe("ChatGPT Enterprise"), s => s.Sanctioned.ShouldBeTrue());
        catalogue.Match("ab.chatgpt.com").ShouldBeNull(); // the override replaced the built-in entry's hosts
        catalogue.Match("claude.ai")!.Sanctioned.ShouldBeTrue(); // by name, case-insensitive
        catalogue.Match("llm.contoso.com")!.Sanctioned.ShouldBeTrue();
        catalogue.Match("gemini.google.com")!.Sanctioned.ShouldBeFalse();
        catalogue.UnknownSanctioned.ShouldBe(["no-such-ai"]);
    }

    [Fact]
    public void From_StarSanctionsEverything() =>
        AiCatalogue.From(new AiConfig(["*"], null, [])).Services.ShouldAllBe(s => s.Sanctioned);
}
