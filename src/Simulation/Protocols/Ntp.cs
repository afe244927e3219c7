namespace AutoRespond.Simulation.Protocols;

/// <summary>NTPv4 client request and server reply (RFC 5905), 48 bytes each.</summary>
internal static class Ntp
{
    public const ushort Port = 123;
    private static readonly DateTimeOffset Era = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Request(DateTimeOffset transmit) =>
        new ByteWriter(48).U8(0x23).U8(0).U8(6).U8(0xE9).U32(0).U32(0).U32(0).Zeros(24).Bytes(Stamp(transmit)).ToArray();

    public static byte[] Reply(DateTimeOffset clientTransmit, DateTimeOffset received, DateTimeOffset transmit, uint referenceId) =>
        new ByteWriter(48)
            .U8(0x24).U8(2).U8(6).U8(0xE9) // v4 server, stratum 2, poll 64 s, precision 2^-23
            .U32(0x0000_0A3D).U32(0x0000_0C12).U32(referenceId)
            .Bytes(Stamp(received - TimeSpan.FromMinutes(7)))
            .Bytes(Stamp(clientTransmit)).Bytes(Stamp(received)).Bytes(Stamp(transmit))
            .ToArray();

    private static byte[] Stamp(DateTimeOffset time)
    {
        long ticks = (time - Era).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        ulong fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return new ByteWriter(8).U32((uint)seconds).U32((uint)fraction).ToArray();
    }
}
