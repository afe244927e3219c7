using System.CommandLine;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Hosting;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond api [--config FILE]</c>: the HTTP API and console alone, for a distributed deployment.</summary>
internal static class ApiCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var command = new Command("api",
            "The HTTP API and web console alone (distributed deployment): reads and writes the shared storage (PostgreSQL), "
            + "announces policy and window changes on the bus (RabbitMQ), and shows devices from the newest stored brain "
            + "snapshot. Listens on api.listen (default http://127.0.0.1:5080). Stop with Ctrl+C.")
        {
            config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = CommonOptions.LoadConfig(parse.GetValue(config), console);
            return loaded is null ? ExitCodes.Usage : await WebHostRunner.RunAsync(loaded, HostMode.Api, new WebHostOptions(), console, ct);
        });
        return command;
    }
}
