using AutoRespond.Sensor.Decoding;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Activities;

/// <summary>
/// A DHCP server on one VLAN and the three ways its clients talk to it. Windows clients leave the broadcast flag
/// clear, so the server answers to the offered address and the client's MAC (RFC 2131 §4.1).
/// </summary>
internal sealed class DhcpService(Simulator sim, SimHost server, SimHost router, SimHost dns, string domain)
{
    private readonly DhcpLease _lease = new(server.Address, router.Address, dns.Address, domain, 8 * 3600);

    /// <summary>A device new to the network: DISCOVER, OFFER, REQUEST, ACK (all broadcast). Returns when it has its address.</summary>
    public DateTimeOffset Join(SimHost client, DateTimeOffset time)
    {
        uint xid = (uint)sim.Random.NextInt64(uint.MaxValue);
        var none = IpAddr.Parse("0.0.0.0");
        sim.Udp(time, client, null, Dhcp.ClientPort, Dhcp.ServerPort, Dhcp.Client(DhcpType.Discover, xid, client.Mac, client.Name), none);
        time += TimeSpan.FromMilliseconds(sim.Random.Next(2, 30));
        sim.Udp(time, server, client, Dhcp.ServerPort, Dhcp.ClientPort, Dhcp.Server(DhcpType.Offer, xid, client.Mac, client.Address, _lease));
        time += TimeSpan.FromMilliseconds(sim.Random.Next(5, 400));
        sim.Udp(time, client, null, Dhcp.ClientPort, Dhcp.ServerPort,
            Dhcp.Client(DhcpType.Request, xid, client.Mac, client.Name, requested: client.Address, server: server.Address, secs: 1), none);
        time += TimeSpan.FromMilliseconds(sim.Random.Next(2, 30));
        sim.Udp(time, server, client, Dhcp.ServerPort, Dhcp.ClientPort, Dhcp.Server(DhcpType.Ack, xid, client.Mac, client.Address, _lease));
        return time + TimeSpan.FromMilliseconds(1);
    }

    /// <summary>A known device starting up (INIT-REBOOT): broadcast REQUEST for its previous address, ACK.</summary>
    public DateTimeOffset Reboot(SimHost client, DateTimeOffset time)
    {
        uint xid = (uint)sim.Random.NextInt64(uint.MaxValue);
        sim.Udp(time, client, null, Dhcp.ClientPort, Dhcp.ServerPort,
            Dhcp.Client(DhcpType.Request, xid, client.Mac, client.Name, requested: client.Address), IpAddr.Parse("0.0.0.0"));
        time += TimeSpan.FromMilliseconds(sim.Random.Next(2, 30));
        sim.Udp(time, server, client, Dhcp.ServerPort, Dhcp.ClientPort, Dhcp.Server(DhcpType.Ack, xid, client.Mac, client.Address, _lease));
        return time + TimeSpan.FromMilliseconds(1);
    }

    /// <summary>Lease renewal at T1: unicast REQUEST from the leased address, unicast ACK.</summary>
    public void Renew(SimHost client, DateTimeOffset time)
    {
        uint xid = (uint)sim.Random.NextInt64(uint.MaxValue);
        sim.Udp(time, client, server, Dhcp.ClientPort, Dhcp.ServerPort,
            Dhcp.Client(DhcpType.Request, xid, client.Mac, client.Name, clientAddress: client.Address));
        sim.Udp(time + TimeSpan.FromMilliseconds(sim.Random.Next(1, 20)), server, client, Dhcp.ServerPort, Dhcp.ClientPort,
            Dhcp.Server(DhcpType.Ack, xid, client.Mac, client.Address, _lease, clientAddress: client.Address));
    }
}
