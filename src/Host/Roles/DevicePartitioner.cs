using AutoRespond.Contracts;

namespace AutoRespond.Host.Roles;

/// <summary>
/// Which brain partition an event belongs to: a stable hash of the device that acts (the flow's originator, the TLS/RDP/ICS
/// client, the DHCP client's address or MAC), modulo the partition count. All of a device's own behaviour therefore meets
/// in one brain instance, which is what the per-device models need; organisation-wide rarity is then counted per partition
/// (docs/deployment.md explains the trade-off and what a change of partition count does).
/// </summary>
public static class DevicePartitioner
{
    public static int PartitionOf(NetworkEvent e, int partitions)
    {
        if (partitions <= 1) return 0;
        string key = e switch
        {
            FlowObserved f => f.Flow.OrigIp,
            DeviceSeen d => d.Ip,
            TlsHelloSeen t => t.Client,
            TlsCertificateSeen c => c.Client,
            RdpRequestSeen r => r.Client,
            IcsCommandSeen i => i.Client,
            DhcpSeen d => d.RequestedIp ?? d.AssignedIp ?? d.ClientIp ?? d.Mac,
            DnsAnswerSeen d => d.Client,
            JsonRpcSeen j => j.Client,
            _ => "",
        };
        return (int)(Fnv1a(key) % (uint)partitions);
    }

    /// <summary>The brain queue of a partition: <c>{prefix}-brain-{n}</c>.</summary>
    public static string QueueName(string prefix, int partition) => $"{prefix}-brain-{partition}";

    private static uint Fnv1a(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h ^= c;
            h *= 16777619;
        }
        return h;
    }
}
