using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Activities;

/// <summary>
/// An S7comm connection from a client (HMI, engineering station, attacker) to a PLC on TCP 102: COTP connect,
/// setup communication, then jobs and userdata requests, each answered by the PLC after its cycle time.
/// </summary>
internal sealed class S7Session
{
    private readonly Simulator _sim;
    private readonly PlcIdentity _plc;
    private ushort _pduRef;
    private byte _sequence;

    private S7Session(Simulator sim, TcpConversation connection, PlcIdentity plc)
    {
        _sim = sim;
        Connection = connection;
        _plc = plc;
        _pduRef = (ushort)sim.Random.Next(0x100, 0x4000);
    }

    public TcpConversation Connection { get; }

    /// <summary>Connects with connection type 1 (PG, programming), 2 (OP, HMI) or 3 (basic) to rack 0 slot <paramref name="slot"/>.</summary>
    public static S7Session Connect(Simulator sim, SimHost client, SimHost plc, PlcIdentity identity, int connectionType, int slot,
        ushort clientRef, DateTimeOffset start)
    {
        var c = sim.Tcp(client, plc, S7.Port).At(start).Open();
        ushort calling = S7.Tsap(1, 0), called = S7.Tsap(connectionType, slot);
        c.ClientSends(S7.Cotp(false, 0, clientRef, calling, called), Ms(sim.Random, 0.1, 1));
        c.ServerSends(S7.Cotp(true, clientRef, (ushort)(0x4400 + sim.Random.Next(0x40)), calling, called), PlcTime(sim.Random));
        var session = new S7Session(sim, c, identity);
        ushort pduRef = session.NextRef();
        c.Exchange(S7.SetupCommunication(pduRef, 480, ack: false), S7.SetupCommunication(pduRef, identity.PduSize, ack: true), PlcTime(sim.Random));
        return session;
    }

    public S7Session Read(IReadOnlyList<S7Item> items)
    {
        ushort pduRef = NextRef();
        Connection.Exchange(S7.ReadVar(pduRef, items), S7.ReadVarResponse(pduRef, items, _sim.Random), PlcTime(_sim.Random));
        return this;
    }

    public S7Session Write(IReadOnlyList<S7Item> items)
    {
        ushort pduRef = NextRef();
        Connection.Exchange(S7.WriteVar(pduRef, items, _sim.Random), S7.WriteVarResponse(pduRef, items.Count), PlcTime(_sim.Random));
        return this;
    }

    /// <summary>Read SZL: 0x0011 module identification, 0x001C component identification or 0x0424 operating mode.</summary>
    public S7Session ReadSzl(ushort id, DateTimeOffset runningSince)
    {
        ushort pduRef = NextRef();
        byte sequence = _sequence++;
        var (length, records) = id switch
        {
            0x0011 => (28, _plc.ModuleIdentification()),
            0x001C => (34, _plc.ComponentIdentification()),
            0x0424 => (20, PlcIdentity.OperatingModeRun(runningSince)),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "SZL id not simulated"),
        };
        Connection.Exchange(S7.ReadSzl(pduRef, sequence, id, 0), S7.ReadSzlResponse(pduRef, (byte)(sequence + 1), id, 0, length, records),
            PlcTime(_sim.Random));
        return this;
    }

    public S7Session ListBlocks(IReadOnlyList<ushort> counts)
    {
        ushort pduRef = NextRef();
        byte sequence = _sequence++;
        Connection.Exchange(S7.ListBlocks(pduRef, sequence), S7.ListBlocksResponse(pduRef, (byte)(sequence + 1), counts), PlcTime(_sim.Random));
        return this;
    }

    /// <summary>
    /// Downloads a block: Request Download from the client; then the PLC pulls the block with Download Block jobs
    /// (one slice each, answered by the client) and closes with Download Ended; finally the client activates it
    /// with the PI service _INSE. <paramref name="file"/> is the block file name, e.g. "_0800001P" for OB 1.
    /// </summary>
    public S7Session Download(string file, int length)
    {
        var r = _sim.Random;
        var block = new byte[length];
        r.NextBytes(block);
        block[0] = 0x70;
        block[1] = 0x70; // MC7 block header magic
        ushort pduRef = NextRef();
        Connection.Exchange(S7.RequestDownload(pduRef, file, length, Math.Max(0, length - 36 - 38)), S7.Ack(pduRef, 0x1A), PlcTime(r));
        int slice = _plc.PduSize - 18;
        for (int offset = 0; offset < length; offset += slice)
        {
            ushort plcRef = (ushort)r.Next(0x100, 0xFF00);
            int n = Math.Min(slice, length - offset);
            Connection.ServerSends(S7.DownloadJob(plcRef, ended: false, file), PlcTime(r));
            Connection.ClientSends(S7.DownloadBlockResponse(plcRef, offset + n < length, block.AsSpan(offset, n)), Ms(r, 0.2, 2));
        }
        ushort endRef = (ushort)r.Next(0x100, 0xFF00);
        Connection.ServerSends(S7.DownloadJob(endRef, ended: true, file), PlcTime(r));
        Connection.ClientSends(S7.Ack(endRef, 0x1C), Ms(r, 0.2, 2));
        pduRef = NextRef();
        Connection.Exchange(S7.PiService(pduRef, "_INSE", file[1..]), S7.Ack(pduRef, 0x28), PlcTime(r) + TimeSpan.FromMilliseconds(30));
        return this;
    }

    public S7Session Stop()
    {
        ushort pduRef = NextRef();
        Connection.Exchange(S7.PlcStop(pduRef), S7.Ack(pduRef, 0x29), PlcTime(_sim.Random) + TimeSpan.FromMilliseconds(60));
        return this;
    }

    public void Close() => Connection.Close();

    private ushort NextRef() => _pduRef = (ushort)(_pduRef == ushort.MaxValue ? 1 : _pduRef + 1);

    /// <summary>A PLC answers at its next communication slot: a few milliseconds.</summary>
    private static TimeSpan PlcTime(Random r) => Ms(r, 1.5, 9);
}
