using System.CommandLine;
using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Roles;
using RabbitMQ.Client.Exceptions;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond dlq list|replay</c>: inspect and replay the dead-letter queues of a RabbitMQ deployment.</summary>
internal static class DlqCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("dlq",
            "Dead-letter queues: messages a consumer failed on after its retries (100 ms, 500 ms, 2 s) wait in '{queue}_error'. "
            + "List them with the failure, fix the cause, then replay them to their queue. Needs 'bus: { transport: rabbitmq }'.");
        command.Add(List(console));
        command.Add(Replay(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var config = CommonOptions.Config();
        var show = new Option<int>("--show") { Description = "Also show the first N messages of each queue with their failure (they stay in the queue).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var partitions = new Option<int>("--partitions") { Description = "Brain partitions to look at.", DefaultValueFactory = _ => 1, HelpName = "M" };
        var command = new Command("list", "List the dead-letter queues that hold messages, with counts.") { config, show, partitions };
        command.SetAction((parse, ct) => WithBroker(console, parse.GetValue(config), async dlq =>
        {
            var queues = await dlq.ListAsync(Math.Clamp(parse.GetValue(partitions), 1, 256), ct);
            if (queues.Count == 0)
            {
                console.Out.WriteLine("no dead-letter queues exist: nothing has failed");
                return ExitCodes.Ok;
            }
            console.Out.WriteLine($"{"QUEUE",-52} {"MESSAGES",8}");
            foreach (var (queue, messages) in queues)
            {
                console.Out.WriteLine($"{queue,-52} {messages,8}");
                if (parse.GetValue(show) is > 0 and var n && messages > 0)
                    foreach (var letter in await dlq.PeekAsync(queue, Math.Min(n, 100), ct))
                        console.Out.WriteLine($"    {letter.MessageId}  {letter.Bytes} B  {letter.ExceptionType}: {letter.Error} {letter.Reason}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Replay(CliConsole console)
    {
        var config = CommonOptions.Config();
        var queue = new Argument<string>("QUEUE") { Description = "The dead-letter queue, e.g. autorespond-incident-scored_error (see 'dlq list')." };
        var max = new Option<int>("--max") { Description = "Move at most N messages.", DefaultValueFactory = _ => int.MaxValue, HelpName = "N" };
        var command = new Command("replay", "Move the messages of a dead-letter queue back to its queue (publisher-confirmed, then removed).") { config, queue, max };
        command.SetAction((parse, ct) => WithBroker(console, parse.GetValue(config), async dlq =>
        {
            string name = parse.GetValue(queue)!;
            if (!name.EndsWith("_error", StringComparison.Ordinal))
            {
                console.Fail($"{name} is not a dead-letter queue (its name ends in _error); see 'autorespond dlq list'");
                return ExitCodes.Usage;
            }
            int moved = await dlq.ReplayAsync(name, Math.Max(1, parse.GetValue(max)), ct);
            console.Out.WriteLine($"{moved} message(s) moved from {name} to {name[..^"_error".Length]}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> WithBroker(CliConsole console, FileInfo? file, Func<DeadLetters, Task<int>> run)
    {
        if (CommonOptions.LoadConfig(file, console) is not { } config) return ExitCodes.Usage;
        if (config.Bus.Transport != BusTransport.RabbitMq || config.Bus.Uri is null)
        {
            console.Fail("dead-letter queues exist only on RabbitMQ: give a --config with 'bus: { transport: rabbitmq, uri: ... }'");
            return ExitCodes.Usage;
        }
        var settings = RoleHosting.BusSettingsFor(config);
        try
        {
            return await run(new DeadLetters(config.Bus.Uri, settings.EndpointPrefix));
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException)
        {
            console.Fail($"broker {AmqpAddress.Mask(config.Bus.Uri)}: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
