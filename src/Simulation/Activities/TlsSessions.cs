using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Activities;

/// <summary>TLS conversations: a browser's TLS 1.3 session with SNI, and the TLS 1.2 handshake with a visible certificate.</summary>
internal static class TlsSessions
{
    /// <summary>
    /// A browser session: handshake (TLS 1.3, SNI = <paramref name="sni"/>), then a few requests whose answers add up
    /// to about <paramref name="downloadBytes"/>, then the client closes. Returns the connection (closed).
    /// </summary>
    public static TcpConversation Browse(Simulator sim, SimHost client, SimHost server, string? sni, int downloadBytes,
        DateTimeOffset start, ushort port = 443)
    {
        var r = sim.Random;
        var c = sim.Tcp(client, server, port).At(start).Open();
        c.ClientSends(Tls.ClientHello(r, TlsClientProfile.Browser, sni));
        c.ServerSends(Concat(Tls.ServerHello13(r), Tls.AppData(r, r.Next(2_400, 4_800))), Ms(r, 0.3, 2));
        c.ClientSends(Concat(Tls.ClientFinish13(r), Tls.AppData(r, r.Next(300, 1_400))), Ms(r, 0.2, 1));
        int requests = Math.Clamp(downloadBytes / 40_000 + r.Next(1, 4), 1, 12);
        for (int i = 0; i < requests; i++)
        {
            if (i > 0) c.ClientSends(Tls.AppData(r, r.Next(200, 1_600)), Ms(r, 2, 60));
            c.ServerSends(Tls.AppData(r, Math.Max(60, downloadBytes / requests + r.Next(-200, 200))), Ms(r, 1, 40));
        }
        if (r.NextDouble() < 0.3) c.Wait(TimeSpan.FromSeconds(r.Next(2, 40)));
        c.Close(byClient: r.NextDouble() < 0.8);
        return c;
    }

    /// <summary>TLS 1.2 handshake on an open connection: ClientHello, server flight with <paramref name="certificate"/>, key exchange, Finished both ways.</summary>
    public static TcpConversation Handshake12(TcpConversation c, Random r, TlsClientProfile profile, string? sni, byte[] certificate)
    {
        c.ClientSends(Tls.ClientHello(r, profile, sni));
        c.ServerSends(Tls.ServerFlight12(r, certificate), Ms(r, 0.5, 4));
        c.ClientSends(Tls.ClientFinish12(r), Ms(r, 0.5, 3));
        c.ServerSends(Tls.ServerFinish12(r), Ms(r, 0.2, 1.5));
        return c;
    }

    /// <summary>A C2 check-in: TLS 1.2 without SNI to a self-signed server, a small request, a small tasking, close.</summary>
    public static TcpConversation Beacon(Simulator sim, SimHost implant, SimHost server, byte[] certificate, DateTimeOffset start,
        int requestBytes, int responseBytes, ushort port = 443)
    {
        var r = sim.Random;
        var c = sim.Tcp(implant, server, port).At(start).Open();
        Handshake12(c, r, TlsClientProfile.Implant, sni: null, certificate);
        c.ClientSends(Tls.AppData(r, requestBytes), Ms(r, 0.1, 2));
        c.ServerSends(Tls.AppData(r, responseBytes), Ms(r, 5, 80));
        c.Close();
        return c;
    }

    internal static TimeSpan Ms(Random r, double min, double max) => TimeSpan.FromMilliseconds(min + r.NextDouble() * (max - min));

    internal static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (byte[] part in parts)
        {
            part.CopyTo(result, at);
            at += part.Length;
        }
        return result;
    }
}
