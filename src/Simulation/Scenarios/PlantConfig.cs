namespace AutoRespond.Simulation.Scenarios;

/// <summary>The configuration shared by the scenarios on the office + plant network.</summary>
internal static class PlantConfig
{
    public const string Network = """
        network:
          internal: [10.0.0.0/8]
          zones:
            - { name: Computing,  cidrs: [10.10.0.0/24], kind: it, vlans: [10] }
            - { name: Industrial, cidrs: [10.20.0.0/24], kind: ot, vlans: [20] }
          protected: [10.20.0.21/32]
        learning:
          period: 24h
        response:
          mode: dry-run
          ladder:
            - { min_score: 0.60, actions: [ticket] }
            - { min_score: 0.80, actions: [ticket, tcp-reset], duration: 1h }
            - { min_score: 0.95, actions: [ticket, firewall-block, switch-quarantine], duration: 4h, scope: { zones: [Computing] } }
        """;
}
