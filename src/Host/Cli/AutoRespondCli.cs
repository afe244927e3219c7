using System.CommandLine;
using AutoRespond.Host.Commands;

namespace AutoRespond.Host.Cli;

/// <summary>The command line (CONTRACT.md §1): every command, its options and its help text.</summary>
public static class AutoRespondCli
{
    public static RootCommand Build(CliConsole console)
    {
        var root = Root(console);
        foreach (var role in RoleCommands.Create(console)) root.Add(role);
        root.Add(SimulatorsCommand.Create(console));
        root.Add(DlqCommand.Create(console));
        root.Add(ReconcileCommand.Create(console));
        return root;
    }

    private static RootCommand Root(CliConsole console) => new(
        "AutoRespond watches a network from a tap or SPAN port, learns each device's pattern of life, turns "
        + "deviations into scored incidents and answers them with graduated, expiring actions that honour change windows.\n\n"
        + "Start with 'autorespond demo', then replay your own captures with 'autorespond replay FILE.pcap --config my.yaml'.")
    {
        ReplayCommand.Create(console),
        DemoCommand.Create(console),
        FlowsCommand.Create(console),
        EventsCommand.Create(console),
        ConfigCommand.Create(console),
        SimulateCommand.Create(console),
        RunCommand.Create(console),
        ApiCommand.Create(console),
        AiUsageCommand.Create(console),
        ReportCommand.Create(console),
    };

    /// <summary>
    /// Parses and runs. Usage errors print to stderr with a pointer to --help and exit 2 (not the library's 1),
    /// so scripts can tell a bad command line from a failed run.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.Fail(error.Message);
            string command = string.Join(' ', parse.CommandResult.Command == root
                ? ["autorespond"]
                : new[] { "autorespond", parse.CommandResult.Command.Name });
            console.Error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
