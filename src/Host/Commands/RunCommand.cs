using System.CommandLine;
using AutoRespond.Executors;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Hosting;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond run [--config FILE] [--interface NAME]... [--replay CAPTURE]...</c>: the all-in-one service.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var interfaces = new Option<string[]>("--interface", "-i")
        {
            Description = "Capture live on this interface (repeatable; needs root or CAP_NET_RAW). The sensor also executes the "
                + "tcp-reset action kind there.",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = false,
        };
        var replay = new Option<FileInfo[]>("--replay")
        {
            Description = "Feed these pcap/pcapng files through the pipeline on packet time (merged in timestamp order), "
                + "then keep serving the API and console. Repeatable.",
            HelpName = "CAPTURE",
        };
        var command = new Command("run",
            "The all-in-one service: live capture (or replayed captures), brain, response engine, responders (the configured "
            + "integrations, and tcp-reset by the sensor), HTTP API and web console in one process, on the in-memory "
            + "bus and the embedded SQLite database unless the config names RabbitMQ and PostgreSQL. The API listens on "
            + "api.listen (default http://127.0.0.1:5080); the console is at /console/. Stop with Ctrl+C.")
        {
            config, interfaces, replay,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config), parse.GetValue(interfaces) ?? [], parse.GetValue(replay) ?? [], console, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, string[] interfaces, FileInfo[] replay, CliConsole console,
        CancellationToken cancellationToken)
    {
        var config = CommonOptions.LoadConfig(configFile, console);
        if (config is null) return ExitCodes.Usage;
        if (interfaces.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            console.Fail("--interface needs an interface name");
            return ExitCodes.Usage;
        }
        if (replay.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            console.Fail($"{missing.FullName}: file not found");
            return ExitCodes.UnreadableCapture;
        }
        if (replay.Length == 0 && interfaces.Length == 0)
        {
            console.Error.WriteLine("autorespond: no capture source (--interface NAME or --replay CAPTURE); serving the API and console "
                + "on the stored data");
        }
        return await WebHostRunner.RunAsync(config, HostMode.Run, new WebHostOptions
        {
            Replay = [.. replay.Select(f => f.FullName)],
            Interfaces = interfaces,
            AddExecutors = (services, c) => services.AddExecutors(c.Integrations),
        }, console, cancellationToken);
    }
}
