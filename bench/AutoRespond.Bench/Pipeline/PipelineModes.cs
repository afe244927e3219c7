using System.Globalization;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// The distributed-pipeline modes (issue 8; bench/run-latency.sh starts the broker and database they need):
/// <code>
///   latency-inprocess [incidents=2000] [warmup=200]
///   latency-bus BROKER [incidents=2000] [warmup=200]
///   bus-events BROKER CAPTURE [batches=4000] [count|learn]
///   actions BROKER POSTGRES AUTORESPOND_DLL RESPONDERS [incidents=500] [firewall-block|ticket,firewall-block]
/// </code>
/// Each prints one key=value line on stdout.
/// </summary>
internal static class PipelineModes
{
    public static readonly string[] Names = ["latency-inprocess", "latency-bus", "bus-events", "actions"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await RunModeAsync(args);
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            Console.Error.WriteLine($"{args[0]}: the RabbitMQ broker {Broker(args).Host}:{Broker(args).Port} is not reachable (bench/run-latency.sh starts one)");
            return 1;
        }
    }

    private static async Task<int> RunModeAsync(string[] args)
    {
        string line = args[0] switch
        {
            "latency-inprocess" => await LatencyInProcess.RunAsync(Int(args, 1, 2000), Int(args, 2, 200)),
            "latency-bus" => await LatencyBus.RunAsync(Broker(args), Int(args, 2, 2000), Int(args, 3, 200)),
            "bus-events" => await BusEvents.RunAsync(Broker(args), Arg(args, 2), Int(args, 3, 4000), args.Length > 4 && args[4] == "learn"),
            "actions" => await ActionsThroughput.RunAsync(Broker(args), Arg(args, 2), Arg(args, 3), Int(args, 4, 1), Int(args, 5, 500),
                args.Length > 6 ? args[6] : "firewall-block"),
            _ => throw new ArgumentException($"unknown mode {args[0]}"),
        };
        Console.WriteLine(line);
        return line.Contains("error=", StringComparison.Ordinal) ? 1 : 0;
    }

    private static string Arg(string[] args, int i) =>
        args.Length > i ? args[i] : throw new ArgumentException($"{args[0]}: argument {i} is missing (see bench --help)");

    private static Uri Broker(string[] args) =>
        Uri.TryCreate(Arg(args, 1), UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new ArgumentException($"{args[0]}: BROKER must be an amqp:// URI");

    private static int Int(string[] args, int i, int fallback)
    {
        if (args.Length <= i) return fallback;
        return int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{args[0]}: argument {i} must be a positive whole number, not '{args[i]}'");
    }
}
