using System.Text;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>The ServerHello fields for JA3S and the negotiated version (supported_versions ⇒ TLS 1.3).</summary>
internal sealed class ServerHello
{
    public int LegacyVersion { get; private set; }

    public int Cipher { get; private set; }

    public List<int> Extensions { get; } = [];

    /// <summary>The negotiated version: supported_versions (0x002B) when present, else the legacy version.</summary>
    public int Version { get; private set; }

    public bool IsTls13 => Version == 0x0304 || Version is >= 0x7F00 and <= 0x7FFF;

    public string Ja3s
    {
        get
        {
            var sb = new StringBuilder(64);
            sb.Append(LegacyVersion).Append(',').Append(Cipher).Append(',');
            Ja3Names.AppendList(sb, Extensions);
            return sb.ToString();
        }
    }

    public static ServerHello? Parse(ReadOnlySpan<byte> body)
    {
        var hello = new ServerHello();
        var r = new SpanReader(body);
        if (!r.U16(out int version) || !r.Skip(32) || !r.U8(out int sessionLength) || sessionLength > 32
            || !r.Skip(sessionLength) || !r.U16(out int cipher) || !r.U8(out _))
        {
            return null;
        }

        hello.LegacyVersion = hello.Version = version;
        hello.Cipher = cipher;
        if (!TlsExtensionReader.TryOpen(ref r, out var x))
        {
            return null;
        }

        while (x.TryNext(out int type, out ReadOnlySpan<byte> data))
        {
            if (!Ja3Names.IsGrease(type))
            {
                hello.Extensions.Add(type);
            }

            if (type == 0x002B && data.Length == 2)
            {
                hello.Version = (data[0] << 8) | data[1];
            }
        }

        if (x.Malformed)
        {
            return null;
        }

        return hello;
    }
}
