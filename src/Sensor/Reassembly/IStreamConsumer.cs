namespace AutoRespond.Sensor.Reassembly;

/// <summary>What a <see cref="TcpStream"/> delivers to: a protocol that frames its byte stream into PDUs.</summary>
internal interface IStreamConsumer
{
    /// <summary>
    /// Length of the PDU that starts at <paramref name="data"/>[0]: &gt; 0 once the header tells it (it may exceed
    /// <paramref name="data"/>), 0 when more bytes are needed to tell, -1 when these bytes cannot start a PDU.
    /// </summary>
    int FrameLength(int direction, ReadOnlySpan<byte> data);

    /// <summary>One complete PDU, in stream order.</summary>
    void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks);

    /// <summary>Bytes of this direction were lost (hole, overflow, desync): drop any partial state.</summary>
    void OnGap(int direction);

    /// <summary>False once the consumer needs nothing more from this direction.</summary>
    bool Wants(int direction);
}
