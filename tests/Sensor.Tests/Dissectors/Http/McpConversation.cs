using System.Text;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Tests.Support;

namespace AutoRespond.Sensor.Tests.Dissectors.Http;

/// <summary>Builds one TCP connection (handshake, segments both ways with real sequence numbers) and runs it through the sensor.</summary>
internal sealed class McpConversation
{
    private readonly List<byte[]> _frames = [];
    private uint _clientSeq = 1000, _serverSeq = 5000;
    private readonly ushort _clientPort, _serverPort;

    public McpConversation(ushort serverPort = 8080, ushort clientPort = 51000)
    {
        _clientPort = clientPort;
        _serverPort = serverPort;
        Add(true, TcpFlags.Syn, []);
        _clientSeq++;
        Add(false, TcpFlags.Syn | TcpFlags.Ack, []);
        _serverSeq++;
        Add(true, TcpFlags.Ack, []);
    }

    /// <summary>Sends text from one side, cut into segments of at most <paramref name="segment"/> bytes.</summary>
    public McpConversation Send(bool fromClient, string text, int segment = 1400)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        for (int at = 0; at < bytes.Length; at += segment)
        {
            var piece = bytes.AsSpan(at, Math.Min(segment, bytes.Length - at)).ToArray();
            Add(fromClient, TcpFlags.Ack | TcpFlags.Psh, piece);
            if (fromClient) _clientSeq += (uint)piece.Length;
            else _serverSeq += (uint)piece.Length;
        }
        return this;
    }

    public List<NetworkEvent> Run()
    {
        Add(true, TcpFlags.Fin | TcpFlags.Ack, []);
        _clientSeq++;
        Add(false, TcpFlags.Fin | TcpFlags.Ack, []);
        _serverSeq++;
        Add(true, TcpFlags.Ack, []);
        var sink = new CollectingSink();
        var engine = new SensorEngine(new SensorOptions(), sink);
        for (int i = 0; i < _frames.Count; i++)
            engine.Process(new RawPacket(Frames.At(i * 0.001), LinkTypes.Ethernet, _frames[i].Length, _frames[i]));
        engine.Complete();
        engine.Stats.Dissectors.FaultsTotal.ShouldBe(0);
        return sink.Events;
    }

    private void Add(bool fromClient, TcpFlags flags, byte[] payload)
    {
        var buffer = new byte[FrameBuilder.MaxLength(payload.Length)];
        var eth = fromClient ? new EthernetSpec(Frames.ClientMac, Frames.ServerMac) : new EthernetSpec(Frames.ServerMac, Frames.ClientMac);
        var ip = fromClient ? new IpSpec(Frames.Client, Frames.Server) : new IpSpec(Frames.Server, Frames.Client);
        var tcp = fromClient
            ? new TcpSpec(_clientPort, _serverPort, flags, _clientSeq, _serverSeq, 64000)
            : new TcpSpec(_serverPort, _clientPort, flags, _serverSeq, _clientSeq, 64000);
        int n = FrameBuilder.Tcp(buffer, eth, ip, tcp, payload);
        _frames.Add(buffer[..n]);
    }
}
