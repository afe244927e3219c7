using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Simulators.Common;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// What every pipeline mode shares: the config (autonomous, one ladder rung, limits out of the way, the simulators as
/// integrations), the incidents (one device each, in 198.18.0.0/15: the simulators only store the address, no packet
/// is ever sent to it) and the journal look-up of an incident's apply request.
/// </summary>
internal static class PipelineSetup
{
    public static string Yaml(Uri simulators, string actions, string extra = "") => $$"""
        network:
          internal: [198.18.0.0/15]
        learning: { period: 0s }
        response:
          mode: autonomous
          ladder:
            - { min_score: 0.50, actions: [{{actions}}], duration: 24h }
          limits: { max_active_actions: 1000000, max_new_actions_per_hour: 1000000 }
        integrations:
          opnsense:   { url: "{{simulators}}", key_env: OPN_KEY, secret_env: OPN_SECRET, alias: autorespond_block }
          servicenow: { url: "{{simulators}}", username_env: SN_USER, password_env: SN_PASS }
        {{extra}}
        """;

    public static AutoRespondConfig Config(Uri simulators, string actions, string extra = "") =>
        ConfigLoader.LoadText(Yaml(simulators, actions, extra), "bench-pipeline.yaml");

    /// <summary>The i-th device address: 198.18.0.1, 198.18.0.2, … (up to 130,000 distinct).</summary>
    public static string Address(int i) => $"198.{18 + (i / 65_000)}.{i % 65_000 / 250}.{i % 250 + 1}";

    public static IncidentScored Incident(string run, int i, DateTimeOffset now) =>
        new($"inc-{run}-{i}", 1, now, new DeviceRef(Address(i)), now, now, 0.97, "bench",
            [ModelIds.NewDeviceUnusualActivity], [], "pipeline benchmark incident", []);

    /// <summary>The first request that applied a block of <paramref name="address"/> (OPNsense <c>alias_util/add</c>).</summary>
    public static RecordedRequest? BlockOf(RequestJournal journal, string address) =>
        journal.For("opnsense").FirstOrDefault(r => r.Method == "POST" && r.Path.Contains("/add/", StringComparison.Ordinal)
            && r.Body.Contains(address, StringComparison.Ordinal));

    /// <summary>Polls the journal until <paramref name="address"/>'s block is recorded, or the time-out passes.</summary>
    public static async Task<RecordedRequest?> WaitForBlockAsync(RequestJournal journal, string address, TimeSpan timeout)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            if (BlockOf(journal, address) is { } found)
                return found;
            if (System.Diagnostics.Stopwatch.GetElapsedTime(start) > timeout)
                return null;
            await Task.Delay(1);
        }
    }
}
