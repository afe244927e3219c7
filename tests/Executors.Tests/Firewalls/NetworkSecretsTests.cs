using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Simulators.Common;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors.Tests.Firewalls;

/// <summary>
/// No credential of a firewall or switch — token, key, secret, password, nor their Basic-auth encoding — appears in any
/// log line (every category, Trace level, HttpClient's own logging included) or in any outcome detail, whether the
/// target accepts the credentials or refuses them.
/// </summary>
public sealed class NetworkSecretsTests
{
    private static readonly string[] Vendors = ["fortios", "panos", "opnsense", "iosxe", "arista"];

    private static IntegrationsConfig All(Uri url) => new()
    {
        FortiOs = new FortiOsConfig(url, "FORTIOS_TOKEN", "root"),
        PanOs = new PanOsConfig(url, "PANOS_KEY", PanOsConfig.DefaultTag),
        OpnSense = new OpnSenseConfig(url, "OPN_KEY", "OPN_SECRET", OpnSenseConfig.DefaultAlias),
        IosXe = new SwitchConfig(url, "SW_USER", "SW_PASS", SwitchConfig.DefaultAcl),
        Arista = new SwitchConfig(url, "SW_USER", "SW_PASS", SwitchConfig.DefaultAcl),
    };

    [Fact]
    public async Task ApplyAndRevert_EveryNetworkVendor_NoSecretInLogsOrDetails()
    {
        var ct = TestContext.Current.CancellationToken;
        var wrong = new SimulatorCredentials
        {
            FortiOsToken = "leak-check-fortios-token",
            PanOsKey = "leak-check-panos-key",
            OpnSenseKey = "leak-check-opn-key",
            OpnSenseSecret = "leak-check-opn-secret",
            SwitchUser = "leak-check-user",
            SwitchPassword = "leak-check-switch-password",
        };
        var details = new List<string>();
        var lines = new List<string>();
        foreach (var credentials in (SimulatorCredentials?[])[null, wrong])
        {
            await using var h = await NetworkHarness.StartAsync(All, executorCredentials: credentials);
            foreach (string vendor in Vendors)
            {
                string kind = vendor is "iosxe" or "arista" ? ActionKinds.SwitchQuarantine : ActionKinds.FirewallBlock;
                var action = NetworkHarness.Action("act-00000000dead", kind, "198.18.7.1", TimeSpan.FromMinutes(30));
                var applied = await h.Executor(vendor).ApplyAsync(action, ct);
                applied.Applied.ShouldBe(credentials is null, $"{vendor}: {applied.Detail}");
                details.Add(applied.Detail);
                details.Add((await h.Revertible(vendor).RevertAsync(NetworkHarness.Revert(action), ct)).Detail);
            }
            lines.AddRange(h.Logs.Lines);
            if (credentials is not null)
                h.Sim.Journal.All().ShouldAllBe(r => r.Status == 401 || r.Status == 403, "every call was refused");
        }

        lines.ShouldContain(l => l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal), "HttpClient's own logging was captured");
        var secrets = Secrets(new SimulatorCredentials()).Concat(Secrets(wrong)).ToList();
        foreach (string secret in secrets)
        {
            details.ShouldNotContain(d => d.Contains(secret, StringComparison.Ordinal), $"a detail holds {secret}");
            lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal), $"a log line holds {secret}");
        }
    }

    [Fact]
    public void AddExecutors_SecretVariablesUnset_OneProblemPerVariableAndNoExecutor()
    {
        var services = new ServiceCollection();

        var e = Should.Throw<AutoRespond.Executors.ExecutorConfigurationException>(() =>
            services.AddExecutors(All(new Uri("http://127.0.0.1:9/")), new DictionarySecretSource(new Dictionary<string, string>())));

        e.Problems.ShouldBe([
            "fortios: environment variable FORTIOS_TOKEN is not set",
            "panos: environment variable PANOS_KEY is not set",
            "opnsense: environment variable OPN_KEY is not set",
            "opnsense: environment variable OPN_SECRET is not set",
            "iosxe: environment variable SW_USER is not set",
            "iosxe: environment variable SW_PASS is not set",
            "arista: environment variable SW_USER is not set",
            "arista: environment variable SW_PASS is not set",
        ]);
        services.ShouldNotContain(d => d.ServiceType == typeof(IActionExecutor));
    }

    private static IEnumerable<string> Secrets(SimulatorCredentials c) =>
    [
        c.FortiOsToken, c.PanOsKey, c.OpnSenseKey, c.OpnSenseSecret, c.SwitchPassword,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.OpnSenseKey}:{c.OpnSenseSecret}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.SwitchUser}:{c.SwitchPassword}")),
    ];
}
