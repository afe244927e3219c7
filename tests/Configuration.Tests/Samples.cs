namespace AutoRespond.Configuration.Tests;

/// <summary>Test inputs: the CONTRACT.md §2 example, verbatim.</summary>
internal static class Samples
{
    /// <summary>The configuration example of CONTRACT.md §2, copied verbatim (placeholders included).</summary>
    public const string ContractExample = """
        network:
          internal: [10.0.0.0/8, 192.168.0.0/16]     # everything else is external
          zones:                                      # named segments (VLANs, subnets)
            - { name: Computing,  cidrs: [10.10.0.0/24], kind: it }
            - { name: Industrial, cidrs: [10.20.0.0/24], kind: ot }
          protected: [10.20.0.21/32]                  # never actioned, whatever the policy
        learning:
          period: 24h            # event time after the first packet during which models only learn
        bus:      { transport: in-memory }            # or { transport: rabbitmq, uri: amqp://user:pass@host:5672/vhost }
        storage:  { provider: sqlite, path: autorespond.db }   # or { provider: postgres, connection: "Host=...;Database=..." }
        response:
          mode: autonomous       # autonomous | confirm | dry-run
          ladder:                # graduated actions, the first matching step with the highest min_score wins
            - { min_score: 0.60, actions: [ticket] }
            - { min_score: 0.80, actions: [ticket, tcp-reset], duration: 1h }
            - { min_score: 0.95, actions: [ticket, firewall-block, switch-quarantine], duration: 4h, scope: { zones: [Computing] } }
          limits: { max_active_actions: 50, max_new_actions_per_hour: 20 }
        windows:                 # change windows: planned work that must not be actioned
          - name: EHR upgrade
            start: 2026-12-05T22:00:00Z
            end:   2026-12-06T04:00:00Z
            rrule: null          # or an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SU
            scope: { devices: [10.30.0.5], zones: [Clinical], users: [] }
            effect: suppress     # suppress | confirm (hold for a person) | cap (max ladder step, with cap_score)
        integrations:            # responder targets; every url may be http(s) (tests point them at simulators)
          fortios:    { url: https://fw1:443, token_env: FORTIOS_TOKEN, vdom: root }
          panos:      { url: https://fw2, key_env: PANOS_KEY, tag: autorespond-block }
          opnsense:   { url: https://fw3, key_env: OPN_KEY, secret_env: OPN_SECRET, alias: autorespond_block }
          nftables:   { table: autorespond, netns: null }
          iosxe:      { url: https://sw1, username_env: SW_USER, password_env: SW_PASS, acl: AUTORESPOND }
          arista:     { url: https://sw2, username_env: SW_USER, password_env: SW_PASS, acl: AUTORESPOND }
          graph:      { url: https://graph.microsoft.com/v1.0, tenant_id: "...", client_id: "...", client_secret_env: GRAPH_SECRET,
                        authority: https://login.microsoftonline.com }   # or access_token_env: GRAPH_TOKEN (a bearer token given as is)
          servicenow: { url: https://x.service-now.com, username_env: SN_USER, password_env: SN_PASS }
          jira:       { url: https://x.atlassian.net, email_env: JIRA_USER, token_env: JIRA_TOKEN, project: SEC }
          pagerduty:  { url: https://events.pagerduty.com, routing_key_env: PD_KEY }
          webhooks:   [ { url: https://soar.example/hooks/autorespond, secret_env: HOOK_SECRET } ]
          users:      { 10.10.0.66: alice@contoso.com }   # device -> user, for identity actions
        # An action kind goes to every configured integration of its family: firewall-block to
        # fortios/panos/opnsense/nftables, switch-quarantine to iosxe/arista, revoke-sessions,
        # disable-user and quarantine-email to graph, ticket to servicenow/jira/pagerduty/webhooks.
        api:
          listen: http://127.0.0.1:5080
          keys:                  # roles: admin | scheduler | viewer | ticketing
            - { name: mdr, key_env: AR_ADMIN_KEY, role: admin }
            - { name: it,  key_env: AR_IT_KEY,    role: scheduler }
        # Clients send the key as `Authorization: Bearer KEY` (or `X-Api-Key: KEY`).
        """;
}
