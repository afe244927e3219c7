using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>A flow that starts with a TLS handshake record, on any port (DETECTION.md §1.7).</summary>
internal sealed class TlsSession : DissectorSession, TlsHandshake.IOwner
{
    private readonly TlsHandshake _tls;

    public TlsSession(DissectorContext context)
        : base(context, DissectorKind.Tls) => _tls = new TlsHandshake(this);

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        return Framed(TlsHandshake.FrameLength(data));
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
        _tls.OnRecord(direction, pdu, ticks);
        Finished |= _tls.Done;
    }

    public override void OnGap(int direction) => _tls.OnGap(direction);

    public override void OnEnd(long ticks) => _tls.Finish();

    DateTimeOffset TlsHandshake.IOwner.EventTime(long ticks) => Time(ticks);

    void TlsHandshake.IOwner.PublishEvent(NetworkEvent networkEvent) => Publish(networkEvent);

    void TlsHandshake.IOwner.CountTlsPdu() => CountPdu();

    void TlsHandshake.IOwner.CountTlsMalformed() => CountMalformed();

    void TlsHandshake.IOwner.TlsConfirmed() => Service = Services.Ssl;
}
