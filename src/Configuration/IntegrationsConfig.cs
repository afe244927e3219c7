using System.Net;

namespace AutoRespond.Configuration;

/// <summary>
/// The <c>integrations:</c> section: responder targets. A null entry is not configured. Every <c>*Env</c>
/// property holds the NAME of an environment variable that holds the secret, never the secret itself.
/// </summary>
public sealed record IntegrationsConfig
{
    /// <summary>Nothing configured.</summary>
    public static IntegrationsConfig Default { get; } = new();

    /// <summary>FortiOS firewall (firewall-block).</summary>
    public FortiOsConfig? FortiOs { get; init; }

    /// <summary>PAN-OS firewall (firewall-block).</summary>
    public PanOsConfig? PanOs { get; init; }

    /// <summary>OPNsense firewall (firewall-block).</summary>
    public OpnSenseConfig? OpnSense { get; init; }

    /// <summary>Local nftables (firewall-block).</summary>
    public NftablesConfig? Nftables { get; init; }

    /// <summary>Cisco IOS-XE switch over RESTCONF (switch-quarantine).</summary>
    public SwitchConfig? IosXe { get; init; }

    /// <summary>Arista EOS switch over eAPI (switch-quarantine).</summary>
    public SwitchConfig? Arista { get; init; }

    /// <summary>Microsoft Graph (revoke-sessions, disable-user, quarantine-email).</summary>
    public GraphConfig? Graph { get; init; }

    /// <summary>ServiceNow (ticket).</summary>
    public ServiceNowConfig? ServiceNow { get; init; }

    /// <summary>Jira (ticket).</summary>
    public JiraConfig? Jira { get; init; }

    /// <summary>PagerDuty Events v2 (ticket).</summary>
    public PagerDutyConfig? PagerDuty { get; init; }

    /// <summary>Outbound webhooks (ticket).</summary>
    public IReadOnlyList<WebhookConfig> Webhooks { get; init; } = [];

    /// <summary>Device address to user principal name, for identity actions.</summary>
    public IReadOnlyDictionary<IPAddress, string> Users { get; init; } = new Dictionary<IPAddress, string>().AsReadOnly();
}

/// <summary><c>fortios: { url, token_env, vdom }</c>; vdom defaults to <c>root</c>.</summary>
public sealed record FortiOsConfig(Uri Url, string TokenEnv, string Vdom)
{
    /// <summary>The VDOM used when none is configured.</summary>
    public const string DefaultVdom = "root";
}

/// <summary><c>panos: { url, key_env, tag }</c>; tag defaults to <c>autorespond-block</c>.</summary>
public sealed record PanOsConfig(Uri Url, string KeyEnv, string Tag)
{
    /// <summary>The tag used when none is configured.</summary>
    public const string DefaultTag = "autorespond-block";
}

/// <summary><c>opnsense: { url, key_env, secret_env, alias }</c>; alias defaults to <c>autorespond_block</c>.</summary>
public sealed record OpnSenseConfig(Uri Url, string KeyEnv, string SecretEnv, string Alias)
{
    /// <summary>The alias used when none is configured.</summary>
    public const string DefaultAlias = "autorespond_block";
}

/// <summary><c>nftables: { table, netns }</c>; table defaults to <c>autorespond</c>, netns null = the current namespace.</summary>
public sealed record NftablesConfig(string Table, string? Netns)
{
    /// <summary>The table used when none is configured.</summary>
    public const string DefaultTable = "autorespond";
}

/// <summary><c>iosxe</c> / <c>arista</c>: <c>{ url, username_env, password_env, acl }</c>; acl defaults to <c>AUTORESPOND</c>.</summary>
public sealed record SwitchConfig(Uri Url, string UsernameEnv, string PasswordEnv, string Acl)
{
    /// <summary>The ACL used when none is configured.</summary>
    public const string DefaultAcl = "AUTORESPOND";
}

/// <summary>
/// <c>graph: { url, tenant_id, client_id, client_secret_env, authority }</c> (client credentials) or
/// <c>graph: { url, access_token_env }</c> (a bearer token given as is). Exactly one of
/// <see cref="ClientSecretEnv"/> and <see cref="AccessTokenEnv"/> is set; with a client secret,
/// <see cref="TenantId"/> and <see cref="ClientId"/> are set too.
/// </summary>
public sealed record GraphConfig(
    Uri Url,
    string? TenantId,
    string? ClientId,
    string? ClientSecretEnv,
    Uri Authority,
    string? AccessTokenEnv)
{
    /// <summary>The Graph endpoint used when none is configured.</summary>
    public static Uri DefaultUrl { get; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The token authority used when none is configured.</summary>
    public static Uri DefaultAuthority { get; } = new("https://login.microsoftonline.com");

    /// <summary>True when the client-credentials flow is configured.</summary>
    public bool UsesClientSecret => ClientSecretEnv is not null;
}

/// <summary><c>servicenow: { url, username_env, password_env }</c>.</summary>
public sealed record ServiceNowConfig(Uri Url, string UsernameEnv, string PasswordEnv);

/// <summary><c>jira: { url, email_env, token_env, project }</c>.</summary>
public sealed record JiraConfig(Uri Url, string EmailEnv, string TokenEnv, string Project);

/// <summary><c>pagerduty: { url, routing_key_env }</c>; url defaults to <c>https://events.pagerduty.com</c>.</summary>
public sealed record PagerDutyConfig(Uri Url, string RoutingKeyEnv)
{
    /// <summary>The Events API host used when none is configured.</summary>
    public static Uri DefaultUrl { get; } = new("https://events.pagerduty.com");
}

/// <summary>One entry of <c>webhooks:</c>: <c>{ url, secret_env }</c>; without a secret the body is not signed.</summary>
public sealed record WebhookConfig(Uri Url, string? SecretEnv);
