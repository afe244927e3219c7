namespace AutoRespond.Sensor.Flows;

/// <summary>
/// Zeek's likely_server_ports as the default script set fills it (every "redef likely_server_ports += ..." in
/// base/protocols), plus the ICS ports of the ICSNPP packages (102, 44818, 2222/udp, 47808/udp). IRC's 6666-6669 are
/// not in it (the http-on-irc-port baseline shows Zeek flipping away from 6669). A new flow whose first packet comes
/// from such a port is flipped so the server is the responder.
/// </summary>
public static class LikelyServerPorts
{
    private static readonly bool[] Tcp = Build(
        21, 22, 25, 53, 80, 81, 88, 102, 135, 139, 143, 389, 443, 445, 502, 563, 585, 587, 614, 631, 636, 989, 990,
        992, 993, 995, 1080, 1434, 2811, 3128, 3268, 3306, 3389, 5222, 5223, 5269, 5432, 6379, 8000, 8080, 8888,
        20000, 44818);

    private static readonly bool[] Udp = Build(
        53, 67, 88, 123, 137, 161, 162, 443, 514, 1812, 2222, 3389, 5060, 5353, 5355, 20000, 44818, 47808);

    public static bool IsTcp(ushort port) => Tcp[port];

    public static bool IsUdp(ushort port) => Udp[port];

    private static bool[] Build(params int[] ports)
    {
        var table = new bool[65536];
        foreach (int p in ports)
        {
            table[p] = true;
        }

        return table;
    }
}
