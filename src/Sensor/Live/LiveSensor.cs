using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;

namespace AutoRespond.Sensor.Live;

/// <summary>
/// The live read loop for one interface: every packet is first checked by the <see cref="TcpResetEnforcer"/>
/// (so a reset leaves within microseconds of the packet that triggers it) and then goes through the
/// <see cref="SensorEngine"/>. Runs on its own thread until cancelled; the source's read timeout bounds
/// how long a cancellation waits.
/// </summary>
public sealed class LiveSensor(LiveCaptureSource source, SensorEngine engine, TcpResetEnforcer? enforcer = null)
{
    private readonly PacketDecoder _decoder = new();

    public long Packets { get; private set; }

    public Thread Start(CancellationToken cancellationToken)
    {
        var thread = new Thread(() => Run(cancellationToken)) { IsBackground = true, Name = $"sensor:{source.InterfaceName}" };
        thread.Start();
        return thread;
    }

    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!source.TryReadNext(out var packet)) continue;
            Packets++;
            if (enforcer is not null && _decoder.TryDecode(packet.LinkType, packet.Data, out var decoded))
                enforcer.Inspect(decoded, packet.TimestampTicks);
            engine.Process(packet);
        }
        engine.Complete();
    }
}
