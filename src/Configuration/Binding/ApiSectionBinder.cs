using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>api:</c>: the listen address and the API keys (by environment variable name).</summary>
internal static class ApiSectionBinder
{
    private static readonly string[] Keys = ["listen", "keys"];
    private static readonly string[] KeyKeys = ["name", "key_env", "role"];

    private static readonly ValueKind<ApiRole> Role = ValueKinds.OneOf(
        ("admin", ApiRole.Admin), ("scheduler", ApiRole.Scheduler), ("viewer", ApiRole.Viewer), ("ticketing", ApiRole.Ticketing));

    public static ApiConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "api", Keys) is not { } section)
        {
            return ApiConfig.Default;
        }

        return new ApiConfig(section.Get("listen", ValueKinds.ListenUrl) ?? ApiConfig.DefaultListen, BindKeys(section));
    }

    private static IReadOnlyList<ApiKeyConfig> BindKeys(YamlSection section)
    {
        if (section.GetItems("keys", "a list of API keys") is not { } items)
        {
            return [];
        }

        var keys = new List<(ApiKeyConfig Key, YamlSection Section)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{section.PathOf("keys")}[{i}]";
            if (YamlSection.OpenItem(section.Context, items[i], path, KeyKeys, "an API key") is not { } item)
            {
                continue;
            }

            var name = item.Get("name", ValueKinds.Text, required: true);
            var keyEnv = item.Get("key_env", ValueKinds.EnvName, required: true);
            var role = item.GetValue("role", Role, required: true);
            if (name is not null && keyEnv is not null && role is { } r)
            {
                keys.Add((new ApiKeyConfig(name, keyEnv, r), item));
            }
        }

        YamlBinder.ReportDuplicates(
            section.Context, keys.Select(k => (k.Key, k.Section["name"]!)), k => k.Name,
            k => $"{section.PathOf("keys")}: duplicate key name '{k.Name}'");
        YamlBinder.ReportDuplicates(
            section.Context, keys.Select(k => (k.Key, k.Section["key_env"]!)), k => k.KeyEnv,
            k => $"{section.PathOf("keys")}: variable '{k.KeyEnv}' is used by two keys; each key needs its own variable");
        return [.. keys.Select(k => k.Key)];
    }
}
