using System.Net;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>integrations:</c>: one typed record per responder target (keys exactly as in CONTRACT.md §2).</summary>
internal static class IntegrationsSectionBinder
{
    private static readonly string[] Keys =
        ["fortios", "panos", "opnsense", "nftables", "iosxe", "arista", "graph", "servicenow", "jira", "pagerduty", "webhooks", "users"];

    public static IntegrationsConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "integrations", Keys) is not { } section)
        {
            return IntegrationsConfig.Default;
        }

        return new IntegrationsConfig
        {
            FortiOs = Target(section, "fortios", ["url", "token_env", "vdom"], BindFortiOs),
            PanOs = Target(section, "panos", ["url", "key_env", "tag"], BindPanOs),
            OpnSense = Target(section, "opnsense", ["url", "key_env", "secret_env", "alias"], BindOpnSense),
            Nftables = Target(section, "nftables", ["table", "netns"], s => new NftablesConfig(
                s.Get("table", ValueKinds.Identifier) ?? NftablesConfig.DefaultTable,
                s.Get("netns", ValueKinds.Identifier))),
            IosXe = Target(section, "iosxe", ["url", "username_env", "password_env", "acl"], BindSwitch),
            Arista = Target(section, "arista", ["url", "username_env", "password_env", "acl"], BindSwitch),
            Graph = Target(
                section, "graph", ["url", "tenant_id", "client_id", "client_secret_env", "authority", "access_token_env"], BindGraph),
            ServiceNow = Target(section, "servicenow", ["url", "username_env", "password_env"], BindServiceNow),
            Jira = Target(section, "jira", ["url", "email_env", "token_env", "project"], BindJira),
            PagerDuty = Target(section, "pagerduty", ["url", "routing_key_env"], BindPagerDuty),
            Webhooks = BindWebhooks(section),
            Users = BindUsers(section),
        };
    }

    private static T? Target<T>(YamlSection parent, string key, string[] keys, Func<YamlSection, T?> bind)
        where T : class =>
        parent.Mapping(key, keys) is { } section ? bind(section) : null;

    // Each binder reads every key before deciding, so one pass reports every bad value. A record is built only
    // when its required values are present and valid; otherwise the load fails with the errors already reported.
    private static FortiOsConfig? BindFortiOs(YamlSection s)
    {
        var url = Url(s);
        var token = Env(s, "token_env");
        var vdom = s.Get("vdom", ValueKinds.Text) ?? FortiOsConfig.DefaultVdom;
        return url is null || token is null ? null : new FortiOsConfig(url, token, vdom);
    }

    private static PanOsConfig? BindPanOs(YamlSection s)
    {
        var url = Url(s);
        var key = Env(s, "key_env");
        var tag = s.Get("tag", ValueKinds.Text) ?? PanOsConfig.DefaultTag;
        return url is null || key is null ? null : new PanOsConfig(url, key, tag);
    }

    private static OpnSenseConfig? BindOpnSense(YamlSection s)
    {
        var url = Url(s);
        var key = Env(s, "key_env");
        var secret = Env(s, "secret_env");
        var alias = s.Get("alias", ValueKinds.Identifier) ?? OpnSenseConfig.DefaultAlias;
        return url is null || key is null || secret is null ? null : new OpnSenseConfig(url, key, secret, alias);
    }

    private static SwitchConfig? BindSwitch(YamlSection s)
    {
        var url = Url(s);
        var user = Env(s, "username_env");
        var password = Env(s, "password_env");
        var acl = s.Get("acl", ValueKinds.Identifier) ?? SwitchConfig.DefaultAcl;
        return url is null || user is null || password is null ? null : new SwitchConfig(url, user, password, acl);
    }

    private static ServiceNowConfig? BindServiceNow(YamlSection s)
    {
        var url = Url(s);
        var user = Env(s, "username_env");
        var password = Env(s, "password_env");
        return url is null || user is null || password is null ? null : new ServiceNowConfig(url, user, password);
    }

    private static JiraConfig? BindJira(YamlSection s)
    {
        var url = Url(s);
        var email = Env(s, "email_env");
        var token = Env(s, "token_env");
        var project = s.Get("project", ValueKinds.Identifier, required: true);
        return url is null || email is null || token is null || project is null ? null : new JiraConfig(url, email, token, project);
    }

    private static PagerDutyConfig? BindPagerDuty(YamlSection s)
    {
        var url = s.Get("url", ValueKinds.HttpUrl) ?? PagerDutyConfig.DefaultUrl;
        var key = Env(s, "routing_key_env");
        return key is null ? null : new PagerDutyConfig(url, key);
    }

    private static Uri? Url(YamlSection s) => s.Get("url", ValueKinds.HttpUrl, required: true);

    private static string? Env(YamlSection s, string key) => s.Get(key, ValueKinds.EnvName, required: true);

    /// <summary>Client credentials (tenant_id, client_id, client_secret_env) or a bearer token (access_token_env), not both.</summary>
    private static GraphConfig? BindGraph(YamlSection s)
    {
        var url = s.Get("url", ValueKinds.HttpUrl) ?? GraphConfig.DefaultUrl;
        var authority = s.Get("authority", ValueKinds.HttpUrl) ?? GraphConfig.DefaultAuthority;
        var tenant = s.Get("tenant_id", ValueKinds.Text);
        var client = s.Get("client_id", ValueKinds.Text);
        var secret = s.Get("client_secret_env", ValueKinds.EnvName);
        var token = s.Get("access_token_env", ValueKinds.EnvName);
        if (s.Has("client_secret_env") && s.Has("access_token_env"))
        {
            s.Context.Error(s["access_token_env"]!,
                $"{s.PathOf("access_token_env")}: give either client_secret_env (with tenant_id and client_id) or access_token_env, not both");
            return null;
        }

        if (s.Has("client_secret_env"))
        {
            s.Require("tenant_id");
            s.Require("client_id");
        }
        else if (!s.Has("access_token_env"))
        {
            s.Context.Error(s.Node,
                $"{s.Path}: missing credentials; give client_secret_env (with tenant_id and client_id) or access_token_env");
            return null;
        }

        return new GraphConfig(url, tenant, client, secret, authority, token);
    }

    private static IReadOnlyList<WebhookConfig> BindWebhooks(YamlSection section)
    {
        if (section.GetItems("webhooks", "a list of webhooks") is not { } items)
        {
            return [];
        }

        var hooks = new List<WebhookConfig>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{section.PathOf("webhooks")}[{i}]";
            if (YamlSection.OpenItem(section.Context, items[i], path, ["url", "secret_env"], "a webhook") is not { } hook)
            {
                continue;
            }

            var url = hook.Get("url", ValueKinds.HttpUrl, required: true);
            var secret = hook.Get("secret_env", ValueKinds.EnvName);
            if (url is not null)
            {
                hooks.Add(new WebhookConfig(url, secret));
            }
        }

        return [.. hooks];
    }

    /// <summary><c>users: { 10.10.0.66: alice@contoso.com }</c>: device address to user principal name.</summary>
    private static IReadOnlyDictionary<IPAddress, string> BindUsers(YamlSection section)
    {
        var users = new Dictionary<IPAddress, string>();
        if (section["users"] is not { } node)
        {
            return users.AsReadOnly();
        }

        if (node is not YamlMappingNode mapping)
        {
            section.Context.Error(node, $"{section.PathOf("users")}: expected a mapping of device IP to user, got {YamlBinder.Describe(node)}");
            return users.AsReadOnly();
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var path = section.PathOf("users");
            var keyOk = YamlBinder.TryParse(section.Context, keyNode, path, ValueKinds.Address, out var address);
            var keyText = (keyNode as YamlScalarNode)?.Value ?? "?";
            var userOk = YamlBinder.TryParse(section.Context, valueNode, $"{path}.{keyText}", ValueKinds.UserPrincipal, out var user);
            if (keyOk && userOk && !users.TryAdd(address, user))
            {
                section.Context.Error(keyNode, $"{path}: device {address} is listed twice");
            }
        }

        return users.AsReadOnly();
    }
}
