using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Activities;

/// <summary>
/// An SMB2 connection to a file server (TCP 445): negotiate and tree connect once, then files opened, read or
/// written in chunks, and closed. A Windows client keeps the connection open for hours and reuses it.
/// </summary>
internal sealed class SmbSession
{
    private const int Chunk = 65536;
    private readonly Simulator _sim;
    private readonly Smb2.Session _ids;

    private SmbSession(Simulator sim, TcpConversation connection, Smb2.Session ids)
    {
        _sim = sim;
        Connection = connection;
        _ids = ids;
    }

    public TcpConversation Connection { get; }

    /// <summary>Connects to <paramref name="share"/> (e.g. \\fs01\projects).</summary>
    public static SmbSession Connect(Simulator sim, SimHost client, SimHost server, string share, DateTimeOffset start, int mss = 1460)
    {
        var r = sim.Random;
        var c = sim.Tcp(client, server, Smb2.Port, mss).At(start).Open();
        var ids = new Smb2.Session((ulong)r.NextInt64(1, long.MaxValue), (uint)r.Next(1, 16));
        c.Exchange(Smb2.NegotiateRequest(ids, r), Smb2.NegotiateResponse(ids, r, c.Time), Ms(r, 0.2, 1));
        c.Exchange(Smb2.TreeConnectRequest(ids, share), Smb2.TreeConnectResponse(ids), Ms(r, 0.2, 1));
        return new SmbSession(sim, c, ids);
    }

    /// <summary>Opens <paramref name="file"/>, reads <paramref name="bytes"/> in 64 KiB requests (or 1 MiB ones for big files), closes it.</summary>
    public SmbSession ReadFile(string file, long bytes, DateTimeOffset? at = null)
    {
        var r = _sim.Random;
        if (at is { } t) Connection.At(t);
        byte[] id = Open(file, bytes, write: false);
        int chunk = bytes > 8 * Chunk ? 16 * Chunk : Chunk;
        for (long offset = 0; offset < bytes; offset += chunk)
        {
            int n = (int)Math.Min(chunk, bytes - offset);
            Connection.Exchange(Smb2.ReadRequest(_ids, id, offset, n), Smb2.ReadResponse(_ids, r, n), Ms(r, 0.05, 0.8));
        }
        Connection.Exchange(Smb2.CloseRequest(_ids, id), Smb2.CloseResponse(_ids), Ms(r, 0.05, 0.4));
        return this;
    }

    /// <summary>Creates <paramref name="file"/>, writes <paramref name="bytes"/> in 64 KiB requests (or 1 MiB ones for big files), closes it.</summary>
    public SmbSession WriteFile(string file, long bytes, DateTimeOffset? at = null)
    {
        var r = _sim.Random;
        if (at is { } t) Connection.At(t);
        byte[] id = Open(file, 0, write: true);
        int chunk = bytes > 8 * Chunk ? 16 * Chunk : Chunk;
        for (long offset = 0; offset < bytes; offset += chunk)
        {
            int n = (int)Math.Min(chunk, bytes - offset);
            Connection.Exchange(Smb2.WriteRequest(_ids, r, id, offset, n), Smb2.WriteResponse(_ids, n), Ms(r, 0.1, 1.5));
        }
        Connection.Exchange(Smb2.CloseRequest(_ids, id), Smb2.CloseResponse(_ids), Ms(r, 0.05, 0.4));
        return this;
    }

    public void Close() => Connection.Close();

    private byte[] Open(string file, long size, bool write)
    {
        var r = _sim.Random;
        var id = new byte[16];
        r.NextBytes(id);
        Connection.Exchange(Smb2.CreateRequest(_ids, file, write),
            Smb2.CreateResponse(_ids, id, size, Connection.Time - TimeSpan.FromHours(r.Next(1, 2000)), created: write), Ms(r, 0.1, 1.2));
        return id;
    }
}
