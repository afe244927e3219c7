using System.CommandLine;
using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Host.Cli;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond config validate FILE</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The configuration file to check." };
        var validate = new Command("validate",
            "Check a configuration file without running anything. Every error is printed as file:line:column: message. "
            + "Exit 0 when valid, 2 when not.")
        {
            file,
        };
        validate.SetAction(parse => Validate(parse.GetValue(file)!, console));
        return new Command("config", "Work with configuration files.") { validate };
    }

    private static int Validate(FileInfo file, CliConsole console)
    {
        try
        {
            var config = ConfigLoader.LoadFile(file.ToString());
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}: valid — {config.Network.Internal.Count} internal networks, {config.Network.Zones.Count} zones, "
                + $"{config.Windows.Count} change windows, a ladder of {config.Response.Ladder.Count} steps, "
                + $"response mode {ModeName(config.Response.Mode)}."));
            return ExitCodes.Ok;
        }
        catch (ConfigException e)
        {
            foreach (var error in e.Errors) console.Error.WriteLine(error.ToString());
            console.Error.WriteLine($"{file.Name}: {e.Errors.Count} error(s)");
            return ExitCodes.Usage;
        }
    }

    public static string ModeName(ResponseMode mode) => mode switch
    {
        ResponseMode.Autonomous => "autonomous",
        ResponseMode.Confirm => "confirm",
        _ => "dry-run",
    };
}
