namespace AutoRespond.Simulation.Protocols;

/// <summary>Modbus/TCP ADUs (MBAP + PDU, DETECTION.md §1.4): requests and the matching normal responses.</summary>
internal static class Modbus
{
    public const ushort Port = 502;

    public static byte[] ReadHoldingRegisters(ushort transaction, byte unit, ushort address, ushort count) =>
        Adu(transaction, unit, w => w.U8(0x03).U16(address).U16(count));

    public static byte[] ReadHoldingRegistersResponse(ushort transaction, byte unit, IReadOnlyList<ushort> values) =>
        Adu(transaction, unit, w =>
        {
            w.U8(0x03).U8(values.Count * 2);
            foreach (ushort v in values) w.U16(v);
        });

    public static byte[] ReadCoils(ushort transaction, byte unit, ushort address, ushort count) =>
        Adu(transaction, unit, w => w.U8(0x01).U16(address).U16(count));

    public static byte[] ReadCoilsResponse(ushort transaction, byte unit, ushort count, Random random) =>
        Adu(transaction, unit, w => w.U8(0x01).U8((count + 7) / 8).Noise(random, (count + 7) / 8));

    /// <summary>FC 6; the normal response echoes the request.</summary>
    public static byte[] WriteSingleRegister(ushort transaction, byte unit, ushort address, ushort value) =>
        Adu(transaction, unit, w => w.U8(0x06).U16(address).U16(value));

    /// <summary>FC 16 request.</summary>
    public static byte[] WriteMultipleRegisters(ushort transaction, byte unit, ushort address, IReadOnlyList<ushort> values) =>
        Adu(transaction, unit, w =>
        {
            w.U8(0x10).U16(address).U16(values.Count).U8(values.Count * 2);
            foreach (ushort v in values) w.U16(v);
        });

    public static byte[] WriteMultipleRegistersResponse(ushort transaction, byte unit, ushort address, int count) =>
        Adu(transaction, unit, w => w.U8(0x10).U16(address).U16(count));

    /// <summary>FC 43 / MEI 14 Read Device Identification, basic objects (code 1) from object 0.</summary>
    public static byte[] ReadDeviceId(ushort transaction, byte unit) =>
        Adu(transaction, unit, w => w.U8(0x2B).U8(0x0E).U8(0x01).U8(0x00));

    /// <summary>The answer to <see cref="ReadDeviceId"/>: VendorName, ProductCode, MajorMinorRevision.</summary>
    public static byte[] ReadDeviceIdResponse(ushort transaction, byte unit, string vendor, string product, string revision) =>
        Adu(transaction, unit, w =>
        {
            w.U8(0x2B).U8(0x0E).U8(0x01).U8(0x01).U8(0x00).U8(0x00).U8(3);
            string[] objects = [vendor, product, revision];
            for (int i = 0; i < objects.Length; i++) w.U8(i).U8(objects[i].Length).Ascii(objects[i]);
        });

    private static byte[] Adu(ushort transaction, byte unit, Action<ByteWriter> pdu)
    {
        var w = new ByteWriter(32);
        w.U16(transaction).U16(0);
        int length = w.Reserve(2);
        w.U8(unit);
        pdu(w);
        return w.PatchLength(length, 2).ToArray();
    }
}
