using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>The AI traffic of <see cref="ShadowAiScenario"/>: chat sessions (small prompts up, longer answers down) and one large upload.</summary>
internal sealed class ShadowAiWork(PlantSite site, IReadOnlyDictionary<string, SimHost> services)
{
    private readonly Simulator _sim = site.Sim;

    /// <summary>Copilot chats from every other office PC during working hours, and GitHub Copilot from the planners.</summary>
    public void ScheduleSanctioned(DateTimeOffset start, DateTimeOffset end)
    {
        for (int i = 0; i < site.Pcs.Count; i++)
        {
            var pc = site.Pcs[i];
            string name = i is 6 or 7 ? "api.githubcopilot.com" : "copilot.microsoft.com";
            if (i % 2 == 1 && name == "copilot.microsoft.com") continue;
            for (var day = start; day < end; day = day.AddDays(1))
            {
                for (int n = 0; n < 5; n++)
                {
                    var at = day + TimeSpan.FromHours(9) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(7));
                    if (at < end) _sim.At(at, () => Chat(pc, name, sni: true, _sim.Now));
                }
            }
        }
    }

    /// <summary>The unsanctioned uses, the upload and the MCP session, on the day after learning.</summary>
    public void ScheduleShadow(DateTimeOffset day, Scenarios.Timeline timeline)
    {
        foreach (var (ip, _, host, sni) in ShadowAiScenario.Unsanctioned)
        {
            var pc = site.Pcs.First(p => p.Ip == ip);
            var first = day + TimeSpan.FromHours(10) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(2));
            for (int n = 0; n < 3; n++)
            {
                var at = first + TimeSpan.FromMinutes(25 * n);
                _sim.At(at, () => Chat(pc, host, sni, _sim.Now));
            }
            timeline.Mark("ai-" + ip, first, first + TimeSpan.FromMinutes(55), $"{pc} uses {host}{(sni ? "" : " (TLS without SNI)")}");
        }

        var uploader = site.Pcs.First(p => p.Ip == ShadowAiScenario.UploaderIp);
        var upload = day + TimeSpan.FromHours(14) + _sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(30));
        _sim.At(upload, () => Upload(uploader, "chatgpt.com", ShadowAiScenario.UploadBytes, _sim.Now));
        timeline.Mark("ai-upload", upload, upload + TimeSpan.FromMinutes(2), $"{uploader} uploads {ShadowAiScenario.UploadBytes / 1_000_000} MB to chatgpt.com");

        var client = site.Pcs.First(p => p.Ip == ShadowAiScenario.McpClientIp);
        var mcp = day + TimeSpan.FromHours(11) + _sim.Between(TimeSpan.Zero, TimeSpan.FromHours(1));
        _sim.At(mcp, () => McpExchange.Run(_sim, client, site.Ews, ShadowAiScenario.McpPort, $"{ShadowAiScenario.McpServerIp}:{ShadowAiScenario.McpPort}",
            "plant-historian", "read_tag", _sim.Now));
        timeline.Mark("mcp", mcp, mcp + TimeSpan.FromSeconds(5), $"{client} calls an MCP tool on {site.Ews} over cleartext HTTP");
    }

    /// <summary>A chat: DNS, TLS 1.3 with or without SNI, a few prompts (1–6 kB up) and streamed answers (5–40 kB down).</summary>
    private void Chat(SimHost pc, string name, bool sni, DateTimeOffset time)
    {
        var r = _sim.Random;
        var t = site.Dns.Resolve(pc, name, time);
        var c = _sim.Tcp(pc, services[name], 443).At(t).Open();
        c.ClientSends(Tls.ClientHello(r, TlsClientProfile.Browser, sni ? name : null));
        c.ServerSends(TlsSessions.Concat(Tls.ServerHello13(r), Tls.AppData(r, r.Next(2_400, 4_800))), TlsSessions.Ms(r, 0.3, 2));
        c.ClientSends(TlsSessions.Concat(Tls.ClientFinish13(r), Tls.AppData(r, r.Next(300, 900))), TlsSessions.Ms(r, 0.2, 1));
        int prompts = r.Next(1, 4);
        for (int i = 0; i < prompts; i++)
        {
            c.ClientSends(Tls.AppData(r, r.Next(1_000, 6_000)), TlsSessions.Ms(r, 2_000, 20_000));
            c.ServerSends(Tls.AppData(r, r.Next(5_000, 40_000)), TlsSessions.Ms(r, 300, 2_500));
        }
        c.Close();
    }

    /// <summary>A large file pasted into a chat: <paramref name="bytes"/> up in one connection.</summary>
    private void Upload(SimHost pc, string name, int bytes, DateTimeOffset time)
    {
        var r = _sim.Random;
        var t = site.Dns.Resolve(pc, name, time);
        var c = _sim.Tcp(pc, services[name], 443).At(t).Open();
        c.ClientSends(Tls.ClientHello(r, TlsClientProfile.Browser, name));
        c.ServerSends(TlsSessions.Concat(Tls.ServerHello13(r), Tls.AppData(r, r.Next(2_400, 4_800))), TlsSessions.Ms(r, 0.3, 2));
        c.ClientSends(Tls.ClientFinish13(r), TlsSessions.Ms(r, 0.2, 1));
        for (int sent = 0; sent < bytes; sent += 1 << 20)
            c.ClientSends(Tls.AppData(r, Math.Min(1 << 20, bytes - sent)));
        c.ServerSends(Tls.AppData(r, r.Next(2_000, 9_000)), TlsSessions.Ms(r, 500, 3_000));
        c.Close();
    }
}
