namespace AutoRespond.Simulation.Protocols;

/// <summary>
/// RDP connection setup (MS-RDPBCGR 2.2.1.1–2.2.1.2; DETECTION.md §1.8): the X.224 Connection Request with the
/// mstshash cookie and RDP_NEG_REQ, and the Connection Confirm with RDP_NEG_RSP. After it, the connection is TLS.
/// </summary>
internal static class Rdp
{
    public const ushort Port = 3389;
    public const uint ProtocolSsl = 0x1, ProtocolHybrid = 0x2, ProtocolHybridEx = 0x8;
    public const int RestrictedAdminModeRequired = 0x01;

    /// <summary>TPKT + X.224 CR + "Cookie: mstshash=USER\r\n" + RDP_NEG_REQ.</summary>
    public static byte[] ConnectionRequest(string? user, int flags, uint requestedProtocols)
    {
        var w = new ByteWriter(64);
        w.U8(3).U8(0);
        int length = w.Reserve(2);
        int li = w.Reserve(1);
        w.U8(0xE0).U16(0).U16(0).U8(0);
        if (user is not null) w.Ascii($"Cookie: mstshash={user}\r\n");
        w.U8(0x01).U8(flags).U16Le(8).U32Le(requestedProtocols);
        return Finish(w, length, li);
    }

    /// <summary>TPKT + X.224 CC + RDP_NEG_RSP selecting <paramref name="selectedProtocol"/>.</summary>
    public static byte[] ConnectionConfirm(int flags, uint selectedProtocol)
    {
        var w = new ByteWriter(32);
        w.U8(3).U8(0);
        int length = w.Reserve(2);
        int li = w.Reserve(1);
        w.U8(0xD0).U16(0).U16(0x1234).U8(0);
        w.U8(0x02).U8(flags).U16Le(8).U32Le(selectedProtocol);
        return Finish(w, length, li);
    }

    private static byte[] Finish(ByteWriter w, int length, int li)
    {
        w.PatchLength(li, 1);
        return w.PatchU16(length, w.Length).ToArray();
    }
}
