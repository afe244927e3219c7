using System.CommandLine;
using System.Net;
using AutoRespond.Host.Cli;
using AutoRespond.Simulators;

namespace AutoRespond.Host.Commands;

/// <summary>
/// <c>autorespond simulators [--listen 127.0.0.1:PORT]</c>: every vendor API simulator on one loopback port, for demos
/// without real gear and for the fault test. Prints the environment and the <c>integrations:</c> block to use on stdout.
/// </summary>
internal static class SimulatorsCommand
{
    public static Command Create(CliConsole console)
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Loopback address and port to listen on (port 0: any free port).",
            DefaultValueFactory = _ => "127.0.0.1:18080",
            HelpName = "127.0.0.1:PORT",
        };
        var command = new Command("simulators",
            "Run vendor-exact simulators of FortiOS, PAN-OS, OPNsense, Cisco IOS-XE, Arista eAPI, Microsoft Graph, ServiceNow, "
            + "Jira, PagerDuty and a webhook receiver on one loopback port. They enforce the vendors' authentication, keep state, "
            + "answer with the vendors' status codes and error bodies, and record every request (GET /_sim/requests; queue "
            + "faults with POST /_sim/faults). Prints the environment variables and the 'integrations:' block to point "
            + "AutoRespond at them.")
        {
            listen,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(listen)!, console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string listen, CliConsole console, CancellationToken cancellationToken)
    {
        if (!IPEndPoint.TryParse(listen, out var endpoint) || !IPAddress.IsLoopback(endpoint.Address))
        {
            console.Fail($"--listen {listen}: give a loopback address and port, e.g. 127.0.0.1:18080 (simulators never listen beyond this host)");
            return ExitCodes.Usage;
        }
        SimulatorHost host;
        try
        {
            host = await SimulatorHost.StartAsync(endpoint.Port, cancellationToken: cancellationToken);
        }
        catch (IOException e)
        {
            console.Fail($"cannot listen on {listen}: {e.Message}");
            return ExitCodes.Failure;
        }
        await using (host)
        {
            foreach (var (name, value) in host.Credentials.AsEnvironment())
                console.Out.WriteLine($"export {name}={value}");
            console.Out.WriteLine(SampleIntegrations(host.BaseUri));
            console.Out.Flush();
            console.Error.WriteLine($"simulators listening on {host.BaseUri} (Ctrl-C to stop)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>The <c>integrations:</c> block pointing every integration at the simulators (as comments-free YAML).</summary>
    public static string SampleIntegrations(Uri baseUri)
    {
        string u = baseUri.ToString().TrimEnd('/');
        return $"""
            # integrations:
            #   fortios:    {"{"} url: {u}, token_env: FORTIOS_TOKEN, vdom: root {"}"}
            #   panos:      {"{"} url: {u}, key_env: PANOS_KEY, tag: autorespond-block {"}"}
            #   opnsense:   {"{"} url: {u}, key_env: OPN_KEY, secret_env: OPN_SECRET, alias: autorespond_block {"}"}
            #   iosxe:      {"{"} url: {u}, username_env: SW_USER, password_env: SW_PASS, acl: AUTORESPOND {"}"}
            #   arista:     {"{"} url: {u}, username_env: SW_USER, password_env: SW_PASS, acl: AUTORESPOND {"}"}
            #   graph:      {"{"} url: {u}/v1.0, access_token_env: GRAPH_TOKEN {"}"}
            #   servicenow: {"{"} url: {u}, username_env: SN_USER, password_env: SN_PASS {"}"}
            #   jira:       {"{"} url: {u}, email_env: JIRA_USER, token_env: JIRA_TOKEN, project: SEC {"}"}
            #   pagerduty:  {"{"} url: {u}, routing_key_env: PD_KEY {"}"}
            #   webhooks:   [ {"{"} url: {u}/hooks/autorespond, secret_env: HOOK_SECRET {"}"} ]
            """;
    }
}
