using AutoRespond.Contracts;
using AutoRespond.Sensor.Reassembly;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>
/// The dissector state of one flow. TCP sessions receive framed PDUs from two <see cref="TcpStream"/>s (direction 0 is
/// the originator, the client); UDP sessions receive datagrams. Parsers read only inside the spans they are given and
/// count what they cannot parse instead of throwing.
/// </summary>
internal abstract class DissectorSession : IStreamConsumer
{
    protected DissectorSession(DissectorContext context, DissectorKind kind)
    {
        Context = context;
        Kind = kind;
        context.Stats.Flows[(int)kind]++;
    }

    private int _unframed;

    public DissectorKind Kind { get; }

    public FlowInfo Flow { get; } = new();

    /// <summary>The conn.log service once the protocol is confirmed.</summary>
    public string? Service { get; protected set; }

    /// <summary>True once the session needs no more input (it is then released early).</summary>
    public bool Finished { get; protected set; }

    public TcpStream? Orig { get; set; }

    public TcpStream? Resp { get; set; }

    protected DissectorContext Context { get; }

    public virtual int FrameLength(int direction, ReadOnlySpan<byte> data) => -1;

    /// <summary>True when <paramref name="direction"/> carries the requester's bytes (see <see cref="FlowInfo.RolesSwapped"/>).</summary>
    protected bool FromClient(int direction) => (direction == 0) != Flow.RolesSwapped;

    /// <summary>
    /// Framing result with the mismatch rule: before the protocol is confirmed, a second segment that cannot start a
    /// PDU means the flow is not this protocol (one bad first segment is tolerated: a capture may start mid-PDU).
    /// </summary>
    protected int Framed(int length)
    {
        if (length < 0 && Service is null && ++_unframed >= 2)
        {
            Mismatch();
        }

        return length;
    }

    public virtual void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
    }

    public virtual void OnDatagram(int direction, ReadOnlySpan<byte> payload, long ticks)
    {
    }

    public virtual void OnGap(int direction)
    {
    }

    public virtual bool Wants(int direction) => !Finished;

    /// <summary>The flow ends (or the session is released): report whatever is still pending.</summary>
    public virtual void OnEnd(long ticks)
    {
    }

    /// <summary>A parser fault: stop following the flow.</summary>
    public void Abort()
    {
        Context.Stats.Faults[(int)Kind]++;
        Finished = true;
    }

    protected void CountPdu() => Context.Stats.Pdus[(int)Kind]++;

    protected void CountMalformed() => Context.Stats.Malformed[(int)Kind]++;

    /// <summary>The payload is not this protocol after all: stop, leave the service unset.</summary>
    protected void Mismatch()
    {
        Context.Stats.Mismatches[(int)Kind]++;
        Finished = true;
    }

    protected DateTimeOffset Time(long ticks) => Context.Output.EventTime(ticks);

    protected void Publish(NetworkEvent networkEvent)
    {
        Context.Stats.Events[(int)Kind]++;
        Context.Output.Publish(networkEvent);
    }
}
