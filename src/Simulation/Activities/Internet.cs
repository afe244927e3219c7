using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Activities;

/// <summary>A web service office PCs use: its name (SNI and DNS), where it answers, how popular it is, how much it sends.</summary>
internal sealed record WebService(string Name, SimHost Host, double Weight, int MinBytes, int MaxBytes, uint Ttl);

/// <summary>
/// The common external services of an office (Microsoft 365, Google, GitHub, news...) with fixed addresses and a
/// round-trip time each, plus the public resolvers the domain controller forwards to.
/// </summary>
internal sealed class Internet
{
    private readonly double _totalWeight;

    public Internet()
    {
        (string Name, string Ip, double Rtt, double Weight, int Min, int Max, uint Ttl)[] catalog =
        [
            ("outlook.office365.com", "52.97.146.178", 14, 16, 4_000, 90_000, 60),
            ("login.microsoftonline.com", "20.190.159.2", 15, 9, 3_000, 7_000, 300),
            ("teams.microsoft.com", "52.113.194.132", 16, 12, 6_000, 125_000, 60),
            ("graph.microsoft.com", "20.190.137.96", 15, 6, 2_000, 20_000, 300),
            ("www.office.com", "13.107.6.156", 12, 4, 20_000, 200_000, 300),
            ("contoso.sharepoint.com", "13.107.136.9", 12, 6, 15_000, 450_000, 300),
            ("onedrive.live.com", "13.107.42.13", 13, 3, 5_000, 150_000, 300),
            ("settings-win.data.microsoft.com", "20.42.73.29", 95, 3, 1_000, 3_000, 300),
            ("www.google.com", "142.250.185.100", 9, 8, 10_000, 60_000, 300),
            ("fonts.gstatic.com", "142.250.186.35", 9, 3, 8_000, 45_000, 300),
            ("www.bing.com", "13.107.21.200", 11, 2, 10_000, 75_000, 300),
            ("github.com", "140.82.121.3", 28, 3, 20_000, 300_000, 60),
            ("www.linkedin.com", "13.107.42.14", 13, 2, 30_000, 250_000, 300),
            ("www.wikipedia.org", "185.15.59.224", 22, 2, 15_000, 100_000, 600),
            ("www.bbc.co.uk", "151.101.0.81", 10, 2, 40_000, 350_000, 300),
            ("cdn.jsdelivr.net", "151.101.1.229", 10, 2, 5_000, 75_000, 300),
            ("update.googleapis.com", "142.250.74.67", 9, 1, 1_000, 4_000, 300),
            ("zoom.us", "170.114.52.2", 34, 1, 10_000, 45_000, 60),
        ];
        Services = catalog.Select(s => new WebService(s.Name, SimHost.External(s.Name, s.Ip, s.Rtt), s.Weight, s.Min, s.Max, s.Ttl)).ToArray();
        _totalWeight = Services.Sum(s => s.Weight);
    }

    public IReadOnlyList<WebService> Services { get; }

    /// <summary>The public resolvers the domain controller forwards cache misses to.</summary>
    public IReadOnlyList<SimHost> Resolvers { get; } =
        [SimHost.External("dns.quad9.net", "9.9.9.9", 11), SimHost.External("one.one.one.one", "1.1.1.1", 8)];

    /// <summary>The public NTP server Windows synchronises with.</summary>
    public SimHost TimeServer { get; } = SimHost.External("time.windows.com", "168.61.215.74", 92, HostStack.Windows);

    public WebService Find(string name) => Services.First(s => s.Name == name);

    /// <summary>A service drawn by popularity.</summary>
    public WebService Pick(Random random)
    {
        double x = random.NextDouble() * _totalWeight;
        foreach (var service in Services)
        {
            if ((x -= service.Weight) < 0) return service;
        }
        return Services[^1];
    }
}
