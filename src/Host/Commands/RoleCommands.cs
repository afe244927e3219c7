using System.CommandLine;
using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Executors;
using AutoRespond.Host.Bus;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Roles;
using AutoRespond.Sensor.Capture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Commands;

/// <summary>
/// <c>autorespond sensor|brain|responder</c>: one role per process over RabbitMQ and PostgreSQL (CONTRACT.md §1;
/// docs/deployment.md). Each runs until Ctrl-C or SIGTERM and stops gracefully (in-flight messages finish).
/// </summary>
internal static class RoleCommands
{
    public static IEnumerable<Command> Create(CliConsole console) => [Sensor(console), Brain(console), Responder(console)];

    private static Command Sensor(CliConsole console)
    {
        var config = CommonOptions.Config();
        var interfaces = new Option<string[]>("--interface", "-i") { Description = "Capture live on this interface (needs CAP_NET_RAW; one interface per sensor process), and apply the tcp-reset actions there.", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
        var replay = new Option<string[]>("--replay") { Description = "Read these capture files instead of an interface, then exit when every batch is sent (tests, back-fills).", HelpName = "CAPTURE" };
        var filter = new Option<string?>("--filter") { Description = "BPF filter for live capture.", HelpName = "BPF" };
        var speed = new Option<double>("--speed") { Description = "With --replay: packet-time speed-up (1 = real time, 60 = a minute per second; 0 = as fast as possible).", DefaultValueFactory = _ => 0, HelpName = "X" };
        var paceFrom = new Option<DateTimeOffset?>("--pace-from") { Description = "With --speed: packets before this packet time go as fast as possible (skip a long background), pacing starts here.", HelpName = "ISO-TIME" };
        var id = new Option<string?>("--sensor-id") { Description = "This sensor's name in batch ids (default: the host name).", HelpName = "NAME" };
        var partitions = Partitions();
        var health = HealthListen();
        var command = new Command("sensor", "Capture and dissect traffic, and send the events in batches to the brain partitions over the bus.")
        {
            config, interfaces, replay, filter, speed, paceFrom, id, partitions, health,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(config), ct, cfg =>
        {
            var ifs = parse.GetValue(interfaces) ?? [];
            var files = parse.GetValue(replay) ?? [];
            if ((ifs.Length == 0) == (files.Length == 0))
                throw new UsageException("give either --interface NAME or --replay CAPTURE");
            if (ifs.Length > 1)
                throw new UsageException("one sensor process per interface: start one 'autorespond sensor --interface NAME' each (the systemd unit is a template)");
            var missing = files.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null)
                throw new UsageException($"{missing}: no such capture file");
            var builder = RoleHosting.CreateBuilder("sensor");
            if (parse.GetValue(health) is { } listen)
                builder.Services.AddRoleHealth(listen).AddCheck("capture", sp => sp.GetRequiredService<SensorService>() switch
                {
                    { Capturing: true } => HealthCheckResult.Healthy(files.Length > 0 ? "replaying" : $"capturing on {ifs[0]}"),
                    { CaptureStarted: false } => HealthCheckResult.Unhealthy("capture not started"),
                    _ => HealthCheckResult.Unhealthy(files.Length > 0 ? "replay finished" : $"capture on {ifs[0]} ended"),
                });
            var bus = RoleHosting.BusSettingsFor(cfg);
            var broker = cfg.Bus.Transport == BusTransport.RabbitMq ? cfg.Bus.Uri : null;
            builder.Services.AddSingleton(new SensorRoleOptions(parse.GetValue(id) ?? Environment.MachineName, bus.EndpointPrefix,
                parse.GetValue(partitions), ifs, files, parse.GetValue(speed), parse.GetValue(paceFrom), broker));
            // Live: the interface opens now (a wrong name fails the command), and the sensor applies the tcp-reset actions.
            LiveInterface? live = null;
            try
            {
                if (ifs.Length == 1) live = LiveInterface.Open(ifs[0], parse.GetValue(filter));
            }
            catch (CaptureException e)
            {
                throw new UsageException($"cannot capture live: {e.Message}");
            }
            if (live is not null) builder.Services.AddSingleton(live);
            // The bus first: hosts stop their services in reverse order, so the sensor stops (and sends what it still
            // holds) before the bus does.
            builder.Services.AddSensorBus(bus, broker, live);
            builder.Services.AddSingleton<SensorService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SensorService>());
            return (builder.Build(), false);
        }));
        return command;
    }

    private static Command Brain(CliConsole console)
    {
        var config = CommonOptions.Config();
        var partition = new Option<int>("--partition") { Description = "Which device partition this instance learns (0-based; see --partitions).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var partitions = Partitions();
        var health = HealthListen();
        var command = new Command("brain", "Learn each device's pattern of life from the sensors' batches of one partition, and publish scored incidents.")
        {
            config, partition, partitions, health,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(config), ct, cfg =>
        {
            int n = parse.GetValue(partition), of = parse.GetValue(partitions);
            if (n < 0 || n >= of) throw new UsageException($"--partition must be between 0 and {of - 1}");
            return (BrainRole.Build(cfg, n, cfg.Storage.IsExplicit, parse.GetValue(health)), cfg.Storage.IsExplicit);
        }));
        return command;
    }

    private static Command Responder(CliConsole console)
    {
        var config = CommonOptions.Config();
        var health = HealthListen();
        var command = new Command("responder", "Decide and execute graduated actions for incidents (competing consumers: start several), record them in the ledger, expire and revert them.")
        {
            config, health,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(config), ct, cfg => (ResponderRole.Build(cfg, parse.GetValue(health)), true)));
        return command;
    }

    private static Option<int> Partitions() => new("--partitions")
    {
        Description = "How many brain partitions the devices are spread over (the same on every sensor and brain).",
        DefaultValueFactory = _ => 1,
        HelpName = "M",
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--partitions must be between 1 and 256"); } },
    };

    /// <summary><c>--health-listen ADDRESS:PORT</c>: off unless given (see <see cref="RoleHealth"/>).</summary>
    private static Option<IPEndPoint?> HealthListen() => new(RoleHealth.OptionName)
    {
        Description = "Serve /health/live and /health/ready over plain HTTP on this address (off by default; bind to 127.0.0.1 or a management network).",
        HelpName = "ADDRESS:PORT",
        CustomParser = r =>
        {
            var endpoint = RoleHealth.Parse(r.Tokens.Count == 1 ? r.Tokens[0].Value : "", out string? error);
            if (error is not null) r.AddError(error);
            return endpoint;
        },
    };

    private static async Task<int> RunAsync(CliConsole console, FileInfo? file, CancellationToken cancellationToken,
        Func<AutoRespondConfig, (IHost Host, bool Storage)> build)
    {
        if (CommonOptions.LoadConfig(file, console) is not { } config) return ExitCodes.Usage;
        IHost host;
        bool storage;
        try
        {
            (host, storage) = build(config);
        }
        catch (UsageException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (ExecutorConfigurationException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }
        using (host)
        {
            try
            {
                var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
                return await RoleHosting.RunAsync(host, storage, linked.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AutoRespond").LogCritical(e, "role failed to run");
                console.Fail(e.Message);
                return ExitCodes.Failure;
            }
        }
    }

    private sealed class UsageException(string message) : Exception(message);
}
