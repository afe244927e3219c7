using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Activities;

/// <summary>
/// A Remote Desktop session: X.224 Connection Request with the user's mstshash cookie and RDP_NEG_REQ, Connection
/// Confirm selecting CredSSP, the TLS 1.2 handshake with the server's self-signed certificate, CredSSP and the
/// MCS/capability exchange, then <paramref name="duration"/> of keyboard and mouse up, screen updates down.
/// </summary>
internal static class RdpSession
{
    public static TcpConversation Run(Simulator sim, SimHost client, SimHost server, string? user, bool restrictedAdmin,
        byte[] certificate, DateTimeOffset start, TimeSpan duration)
    {
        var r = sim.Random;
        var c = sim.Tcp(client, server, Rdp.Port).At(start).Open();
        uint requested = Rdp.ProtocolSsl | Rdp.ProtocolHybrid | Rdp.ProtocolHybridEx;
        c.ClientSends(Rdp.ConnectionRequest(user, restrictedAdmin ? Rdp.RestrictedAdminModeRequired : 0, requested), Ms(r, 0.5, 3));
        c.ServerSends(Rdp.ConnectionConfirm(0x1F, Rdp.ProtocolHybrid), Ms(r, 0.5, 2));
        c.AvoidSegmentStart = b => b == 0x03 || (b & 0x03) == 0;
        Handshake12(c, r, TlsClientProfile.Schannel, sni: null, certificate);
        // CredSSP (NTLM over SPNEGO in TSRequests), then MCS Connect Initial/Response, channel joins, capabilities, licensing.
        int[] setup = [220, 310, 640, 90, 110, 60, 460, 330, 190, 1100, 2_300, 410, 70, 1_800];
        for (int i = 0; i < setup.Length; i++)
        {
            byte[] record = Tls.AppData(r, setup[i] + r.Next(0, 40));
            if (i % 2 == 0) c.ClientSends(record, Ms(r, 0.3, 6));
            else c.ServerSends(record, Ms(r, 0.5, 12));
        }
        c.ServerSends(Tls.AppData(r, r.Next(40_000, 90_000)), Ms(r, 20, 80)); // first full screen
        var end = c.Time + duration;
        while (c.Time < end)
        {
            c.Wait(TimeSpan.FromMilliseconds(r.Next(80, 1_600)));
            c.ClientSends(Tls.AppData(r, r.Next(30, 140)));
            if (r.NextDouble() < 0.7) c.ServerSends(Tls.AppData(r, r.NextDouble() < 0.05 ? r.Next(20_000, 70_000) : r.Next(300, 6_000)), Ms(r, 5, 40));
        }
        c.ClientSends(Tls.AppData(r, r.Next(40, 90)));
        c.Close();
        return c;
    }
}
