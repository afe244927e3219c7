using System.Buffers;
using System.Formats.Asn1;
using System.Security.Cryptography;
using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>
/// Follows a TLS handshake in both directions from framed records (DETECTION.md §1.7): reassembles handshake
/// messages that span records (64 KiB cap per direction, pooled), reports the ClientHello with the ServerHello's
/// JA3S and version (or at the end when no ServerHello comes), and the leaf certificate (TLS ≤ 1.2). Done once the
/// certificate is seen, TLS 1.3 is negotiated, or both sides changed cipher spec. Used by TLS and RDP sessions.
/// </summary>
internal sealed class TlsHandshake(TlsHandshake.IOwner owner)
{
    private const int MaxHandshakeBytes = 64 * 1024;
    private readonly byte[]?[] _buffers = new byte[]?[2];
    private readonly int[] _lengths = new int[2];
    private readonly bool[] _encrypted = new bool[2];
    private ClientHello? _hello;
    private long _helloTicks;
    private bool _helloReported;
    private ServerHello? _server;

    /// <summary>What the handshake reports through.</summary>
    public interface IOwner
    {
        FlowInfo Flow { get; }

        DateTimeOffset EventTime(long ticks);

        void PublishEvent(NetworkEvent networkEvent);

        void CountTlsPdu();

        void CountTlsMalformed();

        /// <summary>A ClientHello or ServerHello parsed: the flow is TLS.</summary>
        void TlsConfirmed();
    }

    public bool Done { get; private set; }

    /// <summary>TLS record framing: handshake/CCS/alert/app-data, version 3.x, length ≤ 2^14 + 2048.</summary>
    public static int FrameLength(ReadOnlySpan<byte> data)
    {
        if (data.Length < 5)
        {
            return data.Length >= 3 && !ValidHead(data) ? -1 : 0;
        }

        int length = (data[3] << 8) | data[4];
        return ValidHead(data) && length <= 18432 ? 5 + length : -1;
    }

    public void OnRecord(int direction, ReadOnlySpan<byte> record, long ticks)
    {
        if (Done)
        {
            return;
        }

        owner.CountTlsPdu();
        ReadOnlySpan<byte> body = record[5..];
        switch (record[0])
        {
            case 0x14:
                _encrypted[direction] = true;
                Done = _encrypted[0] && _encrypted[1];
                break;
            case 0x15 when direction == 1:
                ReportHello(); // an alert instead of a ServerHello
                break;
            case 0x16 when !_encrypted[direction]:
                OnHandshakeBytes(direction, body, ticks);
                break;
            case 0x17:
                _encrypted[direction] = true;
                Done = _encrypted[0] && _encrypted[1];
                break;
        }

        if (Done)
        {
            Finish();
        }
    }

    /// <summary>Bytes of a direction were lost: its partial handshake message is dropped.</summary>
    public void OnGap(int direction) => Drop(direction);

    /// <summary>End of flow (or of interest): report a ClientHello that is still waiting, return buffers.</summary>
    public void Finish()
    {
        ReportHello();
        Drop(0);
        Drop(1);
    }

    private void OnHandshakeBytes(int direction, ReadOnlySpan<byte> body, long ticks)
    {
        if (_lengths[direction] == 0)
        {
            int used = ParseMessages(direction, body, ticks);
            if (used < body.Length && !Done)
            {
                Append(direction, body[used..]);
            }

            return;
        }

        if (!Append(direction, body))
        {
            return;
        }

        byte[] buffer = _buffers[direction]!;
        int consumed = ParseMessages(direction, buffer.AsSpan(0, _lengths[direction]), ticks);
        if (_buffers[direction] is null)
        {
            return;
        }

        buffer.AsSpan(consumed, _lengths[direction] - consumed).CopyTo(buffer);
        _lengths[direction] -= consumed;
        if (_lengths[direction] == 0)
        {
            Drop(direction);
        }
    }

    private int ParseMessages(int direction, ReadOnlySpan<byte> data, long ticks)
    {
        int position = 0;
        while (!Done && data.Length - position >= 4)
        {
            int length = (data[position + 1] << 16) | (data[position + 2] << 8) | data[position + 3];
            if (length > MaxHandshakeBytes)
            {
                owner.CountTlsMalformed();
                Drop(direction);
                return data.Length;
            }

            if (data.Length - position - 4 < length)
            {
                break;
            }

            OnMessage(direction, data[position], data.Slice(position + 4, length), ticks);
            position += 4 + length;
        }

        return Done ? data.Length : position;
    }

    private void OnMessage(int direction, byte type, ReadOnlySpan<byte> body, long ticks)
    {
        switch (type)
        {
            case 1 when _hello is null:
                _hello = ClientHello.Parse(body);
                _helloTicks = ticks;
                Confirm(_hello is not null);
                break;
            case 2 when _server is null:
                _server = ServerHello.Parse(body);
                Confirm(_server is not null);
                ReportHello();
                Done = _server?.IsTls13 == true; // the certificate is encrypted from here on
                break;
            case 11 when direction == 1:
                ReportHello();
                ReportCertificate(body, ticks);
                Done = true;
                break;
            case 14:
                Done = true; // ServerHelloDone without a Certificate (anonymous or PSK suites)
                break;
        }
    }

    private void Confirm(bool parsed)
    {
        if (parsed)
        {
            owner.TlsConfirmed();
        }
        else
        {
            owner.CountTlsMalformed();
        }
    }

    private void ReportHello()
    {
        if (_hello is null || _helloReported)
        {
            return;
        }

        _helloReported = true;
        FlowInfo f = owner.Flow;
        string ja3 = _hello.Ja3, ja3n = _hello.Ja3n, ja3s = _server?.Ja3s ?? "";
        owner.PublishEvent(new TlsHelloSeen(owner.EventTime(_helloTicks), f.Uid, f.Client, f.Server, f.ServerPort,
            _hello.Sni, ja3, Ja3Names.Md5(ja3), ja3n, Ja3Names.Md5(ja3n),
            _server is null ? null : ja3s, _server is null ? null : Ja3Names.Md5(ja3s),
            _server is null ? null : Ja3Names.VersionName(_server.Version), _hello.Alpn));
    }

    private void ReportCertificate(ReadOnlySpan<byte> body, long ticks)
    {
        var r = new SpanReader(body);
        if (!r.U24(out int listLength) || !r.Bytes(listLength, out ReadOnlySpan<byte> list))
        {
            owner.CountTlsMalformed();
            return;
        }

        var entries = new SpanReader(list);
        ReadOnlySpan<byte> leaf = default;
        int count = 0;
        while (entries.U24(out int length) && entries.Bytes(length, out ReadOnlySpan<byte> der))
        {
            leaf = count++ == 0 ? der : leaf;
        }

        if (count == 0)
        {
            return; // an empty chain (client certificate requests answered with none)
        }

        CertificateFacts? facts;
        try
        {
            facts = CertificateInspector.Inspect(leaf);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            facts = null;
        }

        if (facts is null)
        {
            owner.CountTlsMalformed();
            return;
        }

        FlowInfo f = owner.Flow;
        owner.PublishEvent(new TlsCertificateSeen(owner.EventTime(ticks), f.Uid, f.Client, f.Server, f.ServerPort,
            facts.Subject, facts.Issuer, facts.SelfSigned, facts.Sha256, count));
    }

    private bool Append(int direction, ReadOnlySpan<byte> data)
    {
        int needed = _lengths[direction] + data.Length;
        if (needed > MaxHandshakeBytes)
        {
            owner.CountTlsMalformed();
            Drop(direction);
            return false;
        }

        byte[]? buffer = _buffers[direction];
        if (buffer is null || buffer.Length < needed)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 4096));
            buffer?.AsSpan(0, _lengths[direction]).CopyTo(bigger);
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _buffers[direction] = buffer = bigger;
        }

        data.CopyTo(buffer.AsSpan(_lengths[direction]));
        _lengths[direction] = needed;
        return true;
    }

    private void Drop(int direction)
    {
        if (_buffers[direction] is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _buffers[direction] = null;
        }

        _lengths[direction] = 0;
    }

    private static bool ValidHead(ReadOnlySpan<byte> d) => d[0] is >= 0x14 and <= 0x18 && d[1] == 0x03 && d[2] <= 0x04;
}
