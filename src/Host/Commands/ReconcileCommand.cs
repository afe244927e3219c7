using System.CommandLine;
using System.Text.Json;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Faults;
using AutoRespond.Host.Roles;
using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Commands;

/// <summary>
/// <c>autorespond reconcile --config F --simulators URL --expected REPLAY.jsonl</c>: the fault test's judge. Compares storage
/// and the simulators' state with a reference replay and prints <c>incidents=N lost=N duplicates=N orphaned=N</c>; exit 1
/// unless lost, duplicates and orphaned are all 0.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var simulators = new Option<string>("--simulators") { Description = "Base URL of 'autorespond simulators'.", Required = true, HelpName = "URL" };
        var expected = new Option<FileInfo>("--expected") { Description = "The reference: 'autorespond replay --format jsonl' of the same capture (dry-run).", Required = true, HelpName = "FILE" };
        var alias = new Option<string>("--alias") { Description = "The OPNsense alias the firewall-block actions use.", DefaultValueFactory = _ => "autorespond_block", HelpName = "NAME" };
        var details = new Option<bool>("--details") { Description = "Also print what was lost or orphaned, on stderr." };
        var command = new Command("reconcile", "Reconcile a distributed run (storage + simulators) against a reference replay: lost, duplicated and orphaned actions.")
        {
            config, simulators, expected, alias, details,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(config), parse.GetValue(simulators)!, parse.GetValue(expected)!,
            parse.GetValue(alias)!, parse.GetValue(details), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo? file, string simulatorsUrl, FileInfo expected, string alias,
        bool details, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(simulatorsUrl.EndsWith('/') ? simulatorsUrl : simulatorsUrl + "/", UriKind.Absolute, out var simulators)
            || simulators.Scheme is not ("http" or "https"))
        {
            console.Fail($"--simulators {simulatorsUrl}: give the simulators' base URL, e.g. http://127.0.0.1:18080/");
            return ExitCodes.Usage;
        }
        if (CommonOptions.LoadConfig(file, console) is not { } config) return ExitCodes.Usage;
        if (!config.Storage.IsExplicit)
        {
            console.Fail("reconcile needs the run's storage: give a --config with a 'storage:' section");
            return ExitCodes.Usage;
        }
        var incidents = new HashSet<string>(StringComparer.Ordinal);
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(expected.FullName))
        {
            using var doc = JsonDocument.Parse(line);
            var type = doc.RootElement.GetProperty("type").GetString();
            if (type == "incident") incidents.Add(doc.RootElement.GetProperty("id").GetString()!);
            else if (type == "action") actions.Add(doc.RootElement.GetProperty("id").GetString()!);
        }
        await using var services = new ServiceCollection().AddAutoRespondStorage(RoleHosting.StorageOptionsFor(config)).BuildServiceProvider();
        using var http = new HttpClient { BaseAddress = simulators, Timeout = TimeSpan.FromSeconds(30) };
        var secrets = new Dictionary<string, string?>
        {
            ["key"] = config.Integrations.OpnSense is { } o ? Environment.GetEnvironmentVariable(o.KeyEnv) : null,
            ["secret"] = config.Integrations.OpnSense is { } s ? Environment.GetEnvironmentVariable(s.SecretEnv) : null,
        };
        var reconciliation = new LedgerReconciliation(services.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>(), http,
            alias, secrets["key"] ?? "", secrets["secret"] ?? "", TimeProvider.System);
        var result = await reconciliation.RunAsync(incidents, actions, cancellationToken);
        if (details)
        {
            console.Error.WriteLine($"reference: {incidents.Count} incidents, {actions.Count} actions; ledger: {result.Actions} actions; tickets at ServiceNow: {result.Tickets} incidents");
            foreach (var i in result.LostIncidents) console.Error.WriteLine($"  lost incident {i}");
            foreach (var a in result.LostActions) console.Error.WriteLine($"  lost action {a}");
            foreach (var ip in result.OrphanedAtTarget) console.Error.WriteLine($"  orphaned at the firewall: {ip}");
            foreach (var a in result.Unreverted) console.Error.WriteLine($"  expired but not reverted: {a}");
        }
        console.Out.WriteLine(result.Line);
        return result.Lost == 0 && result.Duplicates == 0 && result.Orphaned == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
