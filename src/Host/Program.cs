using AutoRespond.Host.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await AutoRespondCli.RunAsync(args, CliConsole.System, cancel.Token);
