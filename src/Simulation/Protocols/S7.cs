namespace AutoRespond.Simulation.Protocols;

/// <summary>S7 memory areas used in Read/Write Var items.</summary>
internal enum S7Area : byte
{
    Inputs = 0x81,
    Outputs = 0x82,
    Merker = 0x83,
    DataBlock = 0x84,
}

/// <summary>One Read/Write Var item: <paramref name="Bytes"/> bytes at <paramref name="Start"/> of an area (DB number when a DB).</summary>
internal readonly record struct S7Item(S7Area Area, ushort Db, int Start, ushort Bytes);

/// <summary>
/// TPKT/COTP/S7comm PDUs (DETECTION.md §1.1–1.2; layouts after Wireshark's packet-s7comm.c and Snap7): COTP
/// connect, setup communication, Read/Write Var, SZL reads, block download, PI service and PLC stop.
/// </summary>
internal static class S7
{
    public const ushort Port = 102;
    public const int Job = 0x01, AckData = 0x03, UserData = 0x07;

    /// <summary>COTP CR (PDU code 0xE0) or CC (0xD0) with TPDU size 1024 and the two TSAPs.</summary>
    public static byte[] Cotp(bool confirm, ushort destinationRef, ushort sourceRef, ushort callingTsap, ushort calledTsap) =>
        new ByteWriter(22).U8(3).U8(0).U16(22).U8(17).U8(confirm ? 0xD0 : 0xE0).U16(destinationRef).U16(sourceRef).U8(0)
            .U8(0xC1).U8(2).U16(callingTsap).U8(0xC2).U8(2).U16(calledTsap).U8(0xC0).U8(1).U8(0x0A).ToArray();

    /// <summary>TSAP of a connection type (1 PG, 2 OP, 3 basic) to rack 0 slot <paramref name="slot"/>.</summary>
    public static ushort Tsap(int connectionType, int slot) => (ushort)(connectionType << 8 | slot);

    public static byte[] SetupCommunication(ushort pduRef, ushort pduSize, bool ack) =>
        Pdu(ack ? AckData : Job, pduRef, new ByteWriter(8).U8(0xF0).U8(0).U16(1).U16(1).U16(pduSize).Written, default);

    public static byte[] ReadVar(ushort pduRef, IReadOnlyList<S7Item> items)
    {
        var p = new ByteWriter(2 + 12 * items.Count).U8(0x04).U8(items.Count);
        foreach (var item in items) Address(p, item);
        return Pdu(Job, pduRef, p.Written, default);
    }

    /// <summary>Ack_Data for a Read Var: each item's return code 0xFF and its bytes (noise standing in for process values).</summary>
    public static byte[] ReadVarResponse(ushort pduRef, IReadOnlyList<S7Item> items, Random random)
    {
        var d = new ByteWriter(64);
        for (int i = 0; i < items.Count; i++)
        {
            d.U8(0xFF).U8(0x04).U16(items[i].Bytes * 8).Noise(random, items[i].Bytes);
            if (items[i].Bytes % 2 == 1 && i < items.Count - 1) d.U8(0);
        }
        return Pdu(AckData, pduRef, new ByteWriter(2).U8(0x04).U8(items.Count).Written, d.Written);
    }

    public static byte[] WriteVar(ushort pduRef, IReadOnlyList<S7Item> items, Random random)
    {
        var p = new ByteWriter(2 + 12 * items.Count).U8(0x05).U8(items.Count);
        var d = new ByteWriter(64);
        for (int i = 0; i < items.Count; i++)
        {
            Address(p, items[i]);
            d.U8(0x00).U8(0x04).U16(items[i].Bytes * 8).Noise(random, items[i].Bytes);
            if (items[i].Bytes % 2 == 1 && i < items.Count - 1) d.U8(0);
        }
        return Pdu(Job, pduRef, p.Written, d.Written);
    }

    public static byte[] WriteVarResponse(ushort pduRef, int items)
    {
        var d = new ByteWriter(items);
        for (int i = 0; i < items; i++) d.U8(0xFF);
        return Pdu(AckData, pduRef, new ByteWriter(2).U8(0x05).U8(items).Written, d.Written);
    }

    /// <summary>Userdata request: Read SZL (group 4, subfunction 1) of <paramref name="id"/>/<paramref name="index"/>.</summary>
    public static byte[] ReadSzl(ushort pduRef, byte sequence, ushort id, ushort index) =>
        UserDataRequest(pduRef, 0x44, 0x01, sequence, new ByteWriter(8).U8(0xFF).U8(0x09).U16(4).U16(id).U16(index).Written);

    /// <summary>Userdata response to Read SZL: header, record length and count, then the records.</summary>
    public static byte[] ReadSzlResponse(ushort pduRef, byte sequence, ushort id, ushort index, int recordLength, IReadOnlyList<byte[]> records)
    {
        var d = new ByteWriter(16 + recordLength * records.Count).U8(0xFF).U8(0x09);
        int length = d.Reserve(2);
        d.U16(id).U16(index).U16(recordLength).U16(records.Count);
        foreach (byte[] record in records) d.Bytes(record);
        d.PatchLength(length, 2);
        return UserDataResponse(pduRef, 0x84, 0x01, sequence, d.Written);
    }

    /// <summary>Userdata request: list blocks (group 3, subfunction 1).</summary>
    public static byte[] ListBlocks(ushort pduRef, byte sequence) =>
        UserDataRequest(pduRef, 0x43, 0x01, sequence, new ByteWriter(4).U8(0x0A).U8(0).U16(0).Written);

    /// <summary>The answer to <see cref="ListBlocks"/>: a count per block type (OB, FB, FC, DB, SDB, SFC, SFB).</summary>
    public static byte[] ListBlocksResponse(ushort pduRef, byte sequence, IReadOnlyList<ushort> counts)
    {
        ushort[] types = [0x3038, 0x3045, 0x3043, 0x3041, 0x3042, 0x3044, 0x3046];
        var d = new ByteWriter(32).U8(0xFF).U8(0x09).U16(types.Length * 4);
        for (int i = 0; i < types.Length; i++) d.U16(types[i]).U16(counts[i]);
        return UserDataResponse(pduRef, 0x83, 0x01, sequence, d.Written);
    }

    /// <summary>Job 0x1A Request Download of block <paramref name="file"/> (e.g. "_0800001P": complete OB 1, passive file system).</summary>
    public static byte[] RequestDownload(ushort pduRef, string file, int loadLength, int mc7Length) =>
        Pdu(Job, pduRef, new ByteWriter(32).U8(0x1A).U8(0).U16(0x0100).U32(0).U8(file.Length).Ascii(file)
            .U8(13).Ascii("1").Ascii($"{loadLength:D6}").Ascii($"{mc7Length:D6}").Written, default);

    /// <summary>Job 0x1B Download Block or 0x1C Download Ended, sent by the PLC to pull the block from the programmer.</summary>
    public static byte[] DownloadJob(ushort pduRef, bool ended, string file) =>
        Pdu(Job, pduRef, new ByteWriter(18).U8(ended ? 0x1C : 0x1B).U8(0).U16(ended ? 0 : 0x0100).U32(0).U8(file.Length).Ascii(file).Written, default);

    /// <summary>The programmer's Ack_Data to Download Block: one slice of the block, "more data" while <paramref name="more"/>.</summary>
    public static byte[] DownloadBlockResponse(ushort pduRef, bool more, ReadOnlySpan<byte> slice) =>
        Pdu(AckData, pduRef, new ByteWriter(2).U8(0x1B).U8(more ? 1 : 0).Written,
            new ByteWriter(4 + slice.Length).U16(slice.Length).U16(0xFB00).Bytes(slice).Written);

    /// <summary>Ack_Data carrying only the function byte (answer to 0x1A, 0x1C, 0x28, 0x29).</summary>
    public static byte[] Ack(ushort pduRef, byte function) => Pdu(AckData, pduRef, [function], default);

    /// <summary>Job 0x28 PI service with a block list, e.g. "_INSE" for OB 1 ("0800001P").</summary>
    public static byte[] PiService(ushort pduRef, string service, string block) =>
        Pdu(Job, pduRef, new ByteWriter(32).U8(0x28).Zeros(6).U8(0xFD).U16(2 + block.Length).U8(1).U8(0).Ascii(block)
            .U8(service.Length).Ascii(service).Written, default);

    /// <summary>Job 0x29 PLC Stop ("P_PROGRAM").</summary>
    public static byte[] PlcStop(ushort pduRef) =>
        Pdu(Job, pduRef, new ByteWriter(16).U8(0x29).Zeros(5).U8(9).Ascii("P_PROGRAM").Written, default);

    private static byte[] UserDataRequest(ushort pduRef, int typeGroup, int subfunction, byte sequence, ReadOnlySpan<byte> data) =>
        Pdu(UserData, pduRef, [0x00, 0x01, 0x12, 0x04, 0x11, (byte)typeGroup, (byte)subfunction, sequence], data);

    private static byte[] UserDataResponse(ushort pduRef, int typeGroup, int subfunction, byte sequence, ReadOnlySpan<byte> data) =>
        Pdu(UserData, pduRef, [0x00, 0x01, 0x12, 0x08, 0x12, (byte)typeGroup, (byte)subfunction, sequence, 0x00, 0x00, 0x00, 0x00], data);

    private static void Address(ByteWriter p, S7Item item) =>
        p.U8(0x12).U8(0x0A).U8(0x10).U8(0x02).U16(item.Bytes).U16(item.Area == S7Area.DataBlock ? item.Db : 0)
            .U8((byte)item.Area).U24(item.Start * 8);

    /// <summary>TPKT + COTP DT (last data unit) + S7 header (10 bytes, 12 for Ack_Data) + parameters + data.</summary>
    private static byte[] Pdu(int rosctr, ushort pduRef, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data)
    {
        int header = rosctr == AckData ? 12 : 10;
        int length = 7 + header + parameters.Length + data.Length;
        var w = new ByteWriter(length).U8(3).U8(0).U16(length).U8(2).U8(0xF0).U8(0x80);
        w.U8(0x32).U8(rosctr).U16(0).U16(pduRef).U16(parameters.Length).U16(data.Length);
        if (rosctr == AckData) w.U16(0);
        return w.Bytes(parameters).Bytes(data).ToArray();
    }
}
