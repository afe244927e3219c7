using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

/// <summary>Errors in <c>integrations:</c>, <c>bus:</c>, <c>storage:</c> and <c>api:</c>.</summary>
public class IntegrationAndServiceErrorTests
{
    [Fact]
    public void LoadText_RelativeIntegrationUrl_ExpectsAbsoluteHttpUrl()
    {
        SingleError("integrations:\n  fortios: { url: fw1, token_env: T }\n", 2, 19, "expected an absolute http:// or https:// URL, got 'fw1'");
    }

    [Fact]
    public void LoadText_IntegrationUrlWithCredentials_IsRejected()
    {
        SingleError("integrations:\n  webhooks:\n    - url: https://u:p@hook.example/x\n", 3, 12, "must not contain credentials");
    }

    [Fact]
    public void LoadText_SecretInsteadOfEnvName_IsRejected()
    {
        SingleError("integrations:\n  pagerduty: { routing_key_env: 0123abcd-secret }\n", 2, 33,
            "integrations.pagerduty.routing_key_env: expected an environment variable name");
    }

    [Fact]
    public void LoadText_IntegrationMissingEnvKey_ReportsMissingKey()
    {
        SingleError("integrations:\n  iosxe: { url: https://sw1, username_env: U }\n", 2, 10,
            "missing required key 'password_env' in 'integrations.iosxe'");
    }

    [Fact]
    public void LoadText_UnknownIntegrationKey_ListsKnownKeys()
    {
        SingleError("integrations:\n  servicenow: { url: https://sn, username_env: U, password_env: P, password: hunter2 }\n",
            2, 68, "unknown key 'password' in 'integrations.servicenow'; expected one of: url, username_env, password_env");
    }

    [Fact]
    public void LoadText_GraphWithBothCredentials_IsRejected()
    {
        SingleError("integrations:\n  graph: { tenant_id: t, client_id: c, client_secret_env: S, access_token_env: T }\n",
            2, 80, "either client_secret_env (with tenant_id and client_id) or access_token_env, not both");
    }

    [Fact]
    public void LoadText_GraphWithoutCredentials_IsRejected()
    {
        SingleError("integrations:\n  graph: { url: \"https://graph.example\" }\n", 2, 10, "integrations.graph: missing credentials");
    }

    [Fact]
    public void LoadText_GraphSecretWithoutTenant_ReportsMissingKey()
    {
        SingleError("integrations:\n  graph: { client_id: c, client_secret_env: S }\n", 2, 10,
            "missing required key 'tenant_id' in 'integrations.graph'");
    }

    [Fact]
    public void LoadText_UserKeyNotAnAddress_IsRejected()
    {
        SingleError("integrations:\n  users: { alice: alice@contoso.com }\n", 2, 12, "'alice' is not a valid IP address");
    }

    [Fact]
    public void LoadText_NftablesTableWithSpaces_IsRejected()
    {
        SingleError("integrations:\n  nftables: { table: \"my table\" }\n", 2, 22, "expected a name of letters, digits");
    }

    [Fact]
    public void LoadText_BadRequiredAndOptionalValues_ReportsBoth()
    {
        const string yaml = """
            integrations:
              fortios: { url: fw1, token_env: T, vdom: "" }
              webhooks: [ { url: "ftp://x", secret_env: "not a name" } ]
              users: { alice: "" }
            """;

        var errors = Errors(yaml);

        errors.Select(e => e.Message).ShouldBe(
        [
            "integrations.fortios.url: expected an absolute http:// or https:// URL, got 'fw1'",
            "integrations.fortios.vdom: expected a non-empty string, got ''",
            "integrations.webhooks[0].url: expected an absolute http:// or https:// URL, got 'ftp://x'",
            "integrations.webhooks[0].secret_env: expected an environment variable name such as MY_TOKEN (the name of the variable, not the secret), got 'not a name'",
            "integrations.users: 'alice' is not a valid IP address",
            "integrations.users.alice: expected a user principal name such as alice@contoso.com, got ''",
        ], ignoreOrder: false);
    }

    [Fact]
    public void LoadText_RabbitMqWithoutUri_ReportsMissingKey()
    {
        SingleError("bus: { transport: rabbitmq }\n", 1, 6, "missing required key 'uri' in 'bus'");
    }

    [Fact]
    public void LoadText_RabbitMqHttpUri_ExpectsAmqp()
    {
        SingleError("bus: { transport: rabbitmq, uri: http://mq }\n", 1, 34, "bus.uri: expected an amqp:// or amqps:// URI");
    }

    [Fact]
    public void LoadText_UnknownTransport_ReportsOnlyTheTransport()
    {
        SingleError("bus: { transport: kafka, uri: amqp://mq }\n", 1, 19, "expected one of in-memory, rabbitmq, got 'kafka'");
    }

    [Fact]
    public void LoadText_UnknownTransportAndBadUri_ReportsBoth()
    {
        Errors("bus: { transport: kafka, uri: http://mq }\n").Select(e => e.Column).ShouldBe([19, 31]);
    }

    [Fact]
    public void LoadText_PostgresWithoutConnection_ReportsMissingKey()
    {
        SingleError("storage:\n  provider: postgres\n", 2, 3, "missing required key 'connection' in 'storage'");
    }

    [Fact]
    public void LoadText_SqliteWithConnection_IsRejected()
    {
        SingleError("storage: { connection: \"Host=x\" }\n", 1, 24, "'connection' is only used with provider: postgres");
    }

    [Fact]
    public void LoadText_UnknownApiRole_ListsRoles()
    {
        SingleError("api:\n  keys:\n    - { name: a, key_env: K, role: root }\n", 3, 36,
            "api.keys[0].role: expected one of admin, scheduler, viewer, ticketing, got 'root'");
    }

    [Fact]
    public void LoadText_ApiKeysShareVariable_IsRejected()
    {
        SingleError("api:\n  keys:\n    - { name: a, key_env: K, role: admin }\n    - { name: b, key_env: K, role: viewer }\n",
            4, 27, "variable 'K' is used by two keys");
    }

    [Fact]
    public void LoadText_ListenWithPath_IsRejected()
    {
        SingleError("api:\n  listen: http://0.0.0.0:5080/api\n", 2, 11, "must be a scheme, host and port only");
    }

    [Fact]
    public void LoadText_ListenWildcard_SuggestsAnAddress()
    {
        SingleError("api:\n  listen: http://*:5080\n", 2, 11, "write 0.0.0.0 or [::]");
    }
}
