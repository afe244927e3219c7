using System.CommandLine;
using AutoRespond.Configuration;
using AutoRespond.Host.Cli;

namespace AutoRespond.Host.Commands;

/// <summary>Options several commands share, and loading the config they name.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config", "-c")
    {
        Description = "Configuration file (YAML, see docs/configuration.md). Without it the embedded defaults apply: "
            + "RFC 1918 networks are internal, 24h learning, dry-run response.",
        HelpName = "FILE",
    };

    public static Option<string> Format(string description, params string[] values)
    {
        var option = new Option<string>("--format", "-f") { Description = description, HelpName = string.Join("|", values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>Loads the config, or prints every error as file:line:column and returns null.</summary>
    public static AutoRespondConfig? LoadConfig(FileInfo? file, CliConsole console)
    {
        if (file is null) return AutoRespondConfig.Default;
        try
        {
            return ConfigLoader.LoadFile(file.ToString());
        }
        catch (ConfigException e)
        {
            foreach (var error in e.Errors) console.Error.WriteLine(error.ToString());
            console.Fail($"{file.Name}: {e.Errors.Count} configuration error(s); nothing was run");
            return null;
        }
    }
}
