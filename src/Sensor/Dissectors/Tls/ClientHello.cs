using System.Text;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>The fields of a ClientHello that the events need (DETECTION.md §1.7), GREASE already removed.</summary>
internal sealed class ClientHello
{
    public int Version { get; private set; }

    public List<int> Ciphers { get; } = [];

    public List<int> Extensions { get; } = [];

    public List<int> Groups { get; } = [];

    public List<int> PointFormats { get; } = [];

    /// <summary>The first non-empty host_name entry; null when SNI is absent by §1.7's definition.</summary>
    public string? Sni { get; private set; }

    public string? Alpn { get; private set; }

    public string Ja3 => Build(sortedExtensions: false);

    /// <summary>JA3 with the extension types sorted: stable when clients permute extensions.</summary>
    public string Ja3n => Build(sortedExtensions: true);

    /// <summary>Parses a ClientHello body (after the 4-byte handshake header); null when malformed.</summary>
    public static ClientHello? Parse(ReadOnlySpan<byte> body)
    {
        var hello = new ClientHello();
        var r = new SpanReader(body);
        if (!r.U16(out int version) || !r.Skip(32) || !r.U8(out int sessionLength) || sessionLength > 32
            || !r.Skip(sessionLength) || !r.U16(out int cipherBytes) || cipherBytes % 2 != 0
            || !r.Bytes(cipherBytes, out ReadOnlySpan<byte> ciphers) || !r.U8(out int compression)
            || !r.Skip(compression))
        {
            return null;
        }

        hello.Version = version;
        AddU16(hello.Ciphers, ciphers);
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

            hello.ReadExtension(type, data);
        }

        if (x.Malformed)
        {
            return null;
        }

        return hello;
    }

    private void ReadExtension(int type, ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        switch (type)
        {
            case 0x0000 when Sni is null:
                Sni = ReadServerName(data);
                break;
            case 0x000A when r.U16(out int n) && r.Bytes(n, out ReadOnlySpan<byte> groups):
                AddU16(Groups, groups);
                break;
            case 0x000B when r.U8(out int n) && r.Bytes(n, out ReadOnlySpan<byte> formats):
                foreach (byte f in formats)
                {
                    PointFormats.Add(f);
                }

                break;
            case 0x0010 when r.U16(out int n) && r.Bytes(n, out ReadOnlySpan<byte> protocols):
                Alpn = ReadAlpn(protocols);
                break;
        }
    }

    /// <summary>RFC 6066 §3: the first host_name entry with a non-empty name.</summary>
    private static string? ReadServerName(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        if (!r.U16(out int listLength) || !r.Bytes(listLength, out ReadOnlySpan<byte> list))
        {
            return null;
        }

        var entries = new SpanReader(list);
        while (entries.U8(out int nameType) && entries.U16(out int length) && entries.Bytes(length, out var name))
        {
            if (nameType == 0 && length > 0)
            {
                return Encoding.UTF8.GetString(name);
            }
        }

        return null;
    }

    private static string? ReadAlpn(ReadOnlySpan<byte> protocols)
    {
        var names = new List<string>();
        var r = new SpanReader(protocols);
        while (r.U8(out int length) && r.Bytes(length, out ReadOnlySpan<byte> name))
        {
            names.Add(Encoding.ASCII.GetString(name));
        }

        return names.Count == 0 ? null : string.Join(',', names);
    }

    private static void AddU16(List<int> target, ReadOnlySpan<byte> data)
    {
        for (int i = 0; i + 1 < data.Length; i += 2)
        {
            int v = (data[i] << 8) | data[i + 1];
            if (!Ja3Names.IsGrease(v))
            {
                target.Add(v);
            }
        }
    }

    private string Build(bool sortedExtensions)
    {
        var sb = new StringBuilder(128);
        sb.Append(Version).Append(',');
        Ja3Names.AppendList(sb, Ciphers);
        sb.Append(',');
        Ja3Names.AppendList(sb, Extensions, sortedExtensions);
        sb.Append(',');
        Ja3Names.AppendList(sb, Groups);
        sb.Append(',');
        Ja3Names.AppendList(sb, PointFormats);
        return sb.ToString();
    }
}
