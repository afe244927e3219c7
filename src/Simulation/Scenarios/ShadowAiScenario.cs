using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// Shadow AI (issue 9) on the office + plant network: throughout, office PCs use the two sanctioned AI services
/// (Microsoft Copilot, GitHub Copilot); after the first day four PCs use unsanctioned ones — ChatGPT and Claude by SNI,
/// DeepSeek over TLS without SNI (named only through the DNS answer the PC received) — one of them uploads tens of MB
/// to ChatGPT, and an office PC drives an MCP server in the plant over cleartext HTTP.
/// </summary>
public sealed class ShadowAiScenario : Scenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The sanctioned services (catalogue ids) of <see cref="Config"/>.</summary>
    public static readonly string[] Sanctioned = ["microsoft-copilot", "github-copilot"];

    /// <summary>The unsanctioned uses: (PC address, catalogue id, host name, with SNI).</summary>
    public static readonly (string Ip, string Service, string Host, bool Sni)[] Unsanctioned =
    [
        ("10.10.0.55", "chatgpt", "chatgpt.com", true),
        ("10.10.0.57", "claude", "claude.ai", true),
        ("10.10.0.51", "deepseek", "chat.deepseek.com", false),
        ("10.10.0.53", "chatgpt", "chatgpt.com", true),
    ];

    /// <summary>The PC that uploads <see cref="UploadBytes"/> to ChatGPT.</summary>
    public const string UploaderIp = "10.10.0.53";

    public const int UploadBytes = 48_000_000;

    public const string McpClientIp = "10.10.0.58";

    public const string McpServerIp = "10.20.0.50";

    public const ushort McpPort = 8080;

    public override string Name => "shadow-ai";

    public override string Description =>
        "48 h office and plant: sanctioned Copilot use throughout, then ChatGPT, Claude and DeepSeek (no SNI, named by DNS), a 48 MB upload to ChatGPT, an MCP session to the plant over HTTP";

    public override string Config => "# autorespond simulate shadow-ai: the plant network; Microsoft Copilot and GitHub Copilot are sanctioned.\n"
        + PlantConfig.Network + "\nai:\n  sanctioned: [" + string.Join(", ", Sanctioned) + "]\n";

    public override TimeSpan DefaultBackground => TimeSpan.FromHours(48);

    public override string BackgroundMeaning => "hours of traffic in total (the unsanctioned use starts after 24 h)";

    private protected override (DateTimeOffset Start, DateTimeOffset End) Build(Simulator sim, Timeline timeline, TimeSpan background)
    {
        var site = new PlantSite(sim);
        var end = Start + background;
        var office = new OfficeWorkers(site, IcsSabotageScenario.Shares);
        office.Schedule(site.Pcs, Start, end);
        new PlantOperations(site).Schedule(Start, end);
        var ai = new ShadowAiWork(site, Register(site));
        ai.ScheduleSanctioned(Start, end);
        var day2 = Start.AddDays(1);
        if (day2 + TimeSpan.FromHours(15) < end) ai.ScheduleShadow(day2, timeline);
        return (Start, end);
    }

    /// <summary>The AI services' addresses, registered with the office DNS.</summary>
    private static Dictionary<string, SimHost> Register(PlantSite site)
    {
        (string Name, string Ip, double Rtt)[] services =
        [
            ("copilot.microsoft.com", "20.189.173.12", 16),
            ("api.githubcopilot.com", "140.82.113.21", 30),
            ("chatgpt.com", "104.18.32.47", 11),
            ("claude.ai", "160.79.104.10", 24),
            ("chat.deepseek.com", "116.205.40.114", 190),
        ];
        var hosts = new Dictionary<string, SimHost>(StringComparer.Ordinal);
        foreach (var (name, ip, rtt) in services)
        {
            var host = SimHost.External(name, ip, rtt);
            hosts[name] = host;
            site.Dns.Register(name, host, 300);
        }
        return hosts;
    }
}
