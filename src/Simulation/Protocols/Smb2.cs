namespace AutoRespond.Simulation.Protocols;

/// <summary>
/// SMB 2/3 messages over direct TCP (MS-SMB2 §2.2; NetBIOS session header with a 24-bit length): negotiate,
/// tree connect, create, read, write and close, requests and responses, enough for a file-server workload.
/// </summary>
internal static class Smb2
{
    public const ushort Port = 445;
    private const ushort Negotiate = 0x0000, TreeConnect = 0x0003, Create = 0x0005, Close = 0x0006, Read = 0x0008, Write = 0x0009;
    private static readonly DateTimeOffset FileTimeEpoch = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Identifiers shared by one SMB connection's messages.</summary>
    public sealed class Session(ulong sessionId, uint treeId)
    {
        public ulong SessionId { get; } = sessionId;
        public uint TreeId { get; } = treeId;
        public ulong NextMessageId { get; set; }
    }

    public static byte[] NegotiateRequest(Session s, Random random)
    {
        var w = Header(s, Negotiate, response: false, treeId: 0, sessionId: 0);
        w.U16Le(36).U16Le(4).U16Le(1).U16Le(0).U32Le(0x7F).Noise(random, 16).U64Le(0);
        foreach (ushort dialect in (ushort[])[0x0202, 0x0210, 0x0300, 0x0302]) w.U16Le(dialect);
        return Frame(w);
    }

    public static byte[] NegotiateResponse(Session s, Random random, DateTimeOffset now)
    {
        var w = Header(s, Negotiate, response: true, treeId: 0, sessionId: 0);
        w.U16Le(65).U16Le(1).U16Le(0x0302).U16Le(0).Noise(random, 16).U32Le(0x2F)
            .U32Le(8 * 1024 * 1024).U32Le(8 * 1024 * 1024).U32Le(8 * 1024 * 1024)
            .U64Le(FileTime(now)).U64Le(0).U16Le(0x80).U16Le(0).U32Le(0);
        return Frame(w);
    }

    public static byte[] TreeConnectRequest(Session s, string path)
    {
        var w = Header(s, TreeConnect, response: false, treeId: 0);
        w.U16Le(9).U16Le(0).U16Le(0x48).U16Le(path.Length * 2).Utf16(path);
        return Frame(w);
    }

    public static byte[] TreeConnectResponse(Session s) =>
        Frame(Header(s, TreeConnect, response: true).U16Le(16).U8(1).U8(0).U32Le(0).U32Le(0).U32Le(0x001F01FF));

    public static byte[] CreateRequest(Session s, string file, bool write)
    {
        var w = Header(s, Create, response: false);
        w.U16Le(57).U8(0).U8(0).U32Le(2).U64Le(0).U64Le(0)
            .U32Le(write ? 0x0012019Fu : 0x00120089u).U32Le(0x80).U32Le(write ? 1u : 7u).U32Le(write ? 5u : 1u).U32Le(0x40)
            .U16Le(0x78).U16Le(file.Length * 2).U32Le(0).U32Le(0).Utf16(file);
        return Frame(w);
    }

    public static byte[] CreateResponse(Session s, byte[] fileId, long size, DateTimeOffset modified, bool created)
    {
        var w = Header(s, Create, response: true);
        ulong time = FileTime(modified);
        w.U16Le(89).U8(0).U8(0).U32Le(created ? 2u : 1u).U64Le(time).U64Le(time).U64Le(time).U64Le(time)
            .U64Le((ulong)(size + 4095) / 4096 * 4096).U64Le((ulong)size).U32Le(0x20).U32Le(0).Bytes(fileId).U32Le(0).U32Le(0);
        return Frame(w);
    }

    public static byte[] ReadRequest(Session s, byte[] fileId, long offset, int length)
    {
        var w = Header(s, Read, response: false);
        w.U16Le(49).U8(0x50).U8(0).U32Le((uint)length).U64Le((ulong)offset).Bytes(fileId).U32Le(1).U32Le(0).U32Le(0).U16Le(0).U16Le(0).U8(0);
        return Frame(w);
    }

    public static byte[] ReadResponse(Session s, Random random, int length)
    {
        var w = Header(s, Read, response: true, capacity: length + 96);
        w.U16Le(17).U8(0x50).U8(0).U32Le((uint)length).U32Le(0).U32Le(0).Noise(random, length);
        return Frame(w);
    }

    public static byte[] WriteRequest(Session s, Random random, byte[] fileId, long offset, int length)
    {
        var w = Header(s, Write, response: false, capacity: length + 128);
        w.U16Le(49).U16Le(0x70).U32Le((uint)length).U64Le((ulong)offset).Bytes(fileId).U32Le(0).U32Le(0).U16Le(0).U16Le(0).U32Le(0)
            .Noise(random, length);
        return Frame(w);
    }

    public static byte[] WriteResponse(Session s, int length) =>
        Frame(Header(s, Write, response: true).U16Le(17).U16Le(0).U32Le((uint)length).U32Le(0).U16Le(0).U16Le(0));

    public static byte[] CloseRequest(Session s, byte[] fileId) =>
        Frame(Header(s, Close, response: false).U16Le(24).U16Le(0).U32Le(0).Bytes(fileId));

    public static byte[] CloseResponse(Session s) =>
        Frame(Header(s, Close, response: true).U16Le(60).U16Le(0).U32Le(0).Zeros(32).U64Le(0).U64Le(0).U32Le(0));

    /// <summary>Requests take the next message id; a response reuses the id of the request before it.</summary>
    private static ByteWriter Header(Session s, ushort command, bool response, uint? treeId = null, ulong? sessionId = null, int capacity = 256)
    {
        ulong messageId = response ? s.NextMessageId - 1 : s.NextMessageId++;
        var w = new ByteWriter(capacity).U32(0); // NetBIOS session message header, length patched in Frame
        w.U8(0xFE).Ascii("SMB").U16Le(64).U16Le(1).U32Le(0).U16Le(command).U16Le(response ? 32 : 1)
            .U32Le(response ? 1u : 0u).U32Le(0).U64Le(messageId).U32Le(response ? 0u : 0xFEFFu)
            .U32Le(treeId ?? s.TreeId).U64Le(sessionId ?? s.SessionId).Zeros(16);
        return w;
    }

    private static byte[] Frame(ByteWriter w)
    {
        byte[] bytes = w.ToArray();
        int length = bytes.Length - 4;
        bytes[1] = (byte)(length >> 16);
        bytes[2] = (byte)(length >> 8);
        bytes[3] = (byte)length;
        return bytes;
    }

    private static ulong FileTime(DateTimeOffset time) => (ulong)(time - FileTimeEpoch).Ticks;
}
