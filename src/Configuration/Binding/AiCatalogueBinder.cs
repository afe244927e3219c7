using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds an AI-service catalogue document: <c>services:</c>, a list of services.</summary>
internal static partial class AiCatalogueBinder
{
    private static readonly string[] TopKeys = ["services"];
    private static readonly string[] Keys = ["id", "name", "vendor", "category", "hosts", "sanctioned"];

    public static readonly ValueKind<AiCategory> Category = ValueKinds.OneOf(
        ("chat-assistant", AiCategory.ChatAssistant), ("api", AiCategory.Api), ("code-assistant", AiCategory.CodeAssistant),
        ("agent-platform", AiCategory.AgentPlatform), ("mcp-server", AiCategory.McpServer));

    private static readonly ValueKind<string> HostPattern = new(
        "a host name such as chatgpt.com, or *.example.com for every sub-domain", TryParseHost);

    private static readonly ValueKind<bool> Boolean = new("true or false", TryParseBool);

    public static IReadOnlyList<AiServiceConfig> Bind(BindContext context, YamlNode root)
    {
        if (YamlSection.Open(context, root, "", TopKeys) is not { } top
            || top.GetItems("services", "a list of AI services") is not { } items)
        {
            return [];
        }

        var services = new List<(AiServiceConfig Service, YamlNode Node)>();
        for (int i = 0; i < items.Count; i++)
        {
            if (YamlSection.OpenItem(context, items[i], $"services[{i}]", Keys, "an AI service") is not { } s) continue;
            string? id = s.Get("id", ValueKinds.Identifier, required: true);
            string? name = s.Get("name", ValueKinds.Text, required: true);
            string? vendor = s.Get("vendor", ValueKinds.Text, required: true);
            AiCategory? category = s.GetValue("category", Category, required: true);
            var hosts = s.GetList("hosts", "a list of host names", HostPattern);
            if (hosts is null) s.Require("hosts");
            else if (hosts.Count == 0 && s["hosts"] is { } empty) context.Error(empty, $"{s.PathOf("hosts")}: give at least one host name");
            bool sanctioned = s.GetValue("sanctioned", Boolean) ?? false;
            if (id is null || name is null || vendor is null || category is null || hosts is not { Count: > 0 }) continue;
            services.Add((new AiServiceConfig(id.ToLowerInvariant(), name, vendor, category.Value, hosts, sanctioned), s["id"]!));
        }

        YamlBinder.ReportDuplicates(context, services, s => s.Id, s => $"services: duplicate service id '{s.Id}'");
        return [.. services.Select(s => s.Service)];
    }

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPatternRegex();

    private static bool TryParseHost(string text, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text.Trim().TrimEnd('.').ToLowerInvariant();
        return value.Length <= 253 && HostPatternRegex().IsMatch(value);
    }

    private static bool TryParseBool(string text, out bool value, out string? error)
    {
        error = null;
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }
}
