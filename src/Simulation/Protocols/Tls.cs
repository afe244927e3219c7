namespace AutoRespond.Simulation.Protocols;

/// <summary>The TLS client implementation a hello imitates (cipher suites, extensions and their order).</summary>
internal enum TlsClientProfile
{
    /// <summary>A current browser: TLS 1.3 with GREASE, ALPN, key share, SNI when it has a name.</summary>
    Browser,

    /// <summary>Windows SChannel, TLS 1.2 (mstsc, WinHTTP); no SNI when it connects by address.</summary>
    Schannel,

    /// <summary>A small implant's TLS 1.2 stack; no SNI.</summary>
    Implant,
}

/// <summary>
/// TLS records (RFC 5246 / RFC 8446) as they appear on the wire: clear-text hellos, a TLS 1.2 server flight with
/// its certificate, and encrypted records whose content is noise of the right length (DETECTION.md §1.7).
/// </summary>
internal static class Tls
{
    public const int Handshake = 0x16, ChangeCipherSpec = 0x14, ApplicationData = 0x17;
    public const ushort EcdheRsaAes256Gcm = 0xC030;
    public const ushort Aes128GcmSha256 = 0x1301;

    private static readonly ushort[] BrowserSuites = [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035];
    private static readonly ushort[] SchannelSuites = [0xC02C, 0xC02B, 0xC030, 0xC02F, 0xC024, 0xC023, 0xC028, 0xC027, 0xC00A, 0xC009, 0xC014, 0xC013, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0x000A];
    private static readonly ushort[] ImplantSuites = [0xC02F, 0xC030, 0xC02B, 0xC02C, 0xCCA8, 0xCCA9, 0xC013, 0xC009, 0xC014, 0xC00A, 0x009C, 0x009D, 0x002F, 0x0035, 0xC012, 0x000A];

    /// <summary>A ClientHello record; <paramref name="sni"/> null leaves the server_name extension out.</summary>
    public static byte[] ClientHello(Random random, TlsClientProfile profile, string? sni)
    {
        bool browser = profile == TlsClientProfile.Browser;
        ushort grease = (ushort)(0x0A0A + 0x1010 * random.Next(16)), grease2 = (ushort)(grease ^ 0x2020);
        var w = Record(Handshake, browser ? 0x0301 : 0x0303, out int record);
        int body = Message(w, 1);
        w.U16(0x0303).Noise(random, 32);
        if (profile == TlsClientProfile.Implant) w.U8(0);
        else w.U8(32).Noise(random, 32);
        var suites = profile switch { TlsClientProfile.Browser => BrowserSuites, TlsClientProfile.Schannel => SchannelSuites, _ => ImplantSuites };
        w.U16((suites.Length + (browser ? 1 : 0)) * 2);
        if (browser) w.U16(grease);
        foreach (ushort suite in suites) w.U16(suite);
        w.U8(1).U8(0);
        int extensions = w.Reserve(2);
        if (browser) w.U16(grease).U16(0);
        if (sni is not null) w.U16(0x0000).U16(sni.Length + 5).U16(sni.Length + 3).U8(0).U16(sni.Length).Ascii(sni);
        switch (profile)
        {
            case TlsClientProfile.Browser:
                w.U16(0x0017).U16(0).U16(0xFF01).U16(1).U8(0);
                w.U16(0x000A).U16(10).U16(8).U16(grease).U16(0x001D).U16(0x0017).U16(0x0018);
                w.U16(0x000B).U16(2).U8(1).U8(0).U16(0x0023).U16(0);
                w.U16(0x0010).U16(14).U16(12).U8(2).Ascii("h2").U8(8).Ascii("http/1.1");
                w.U16(0x0005).U16(5).U8(1).U16(0).U16(0);
                SignatureAlgorithms(w, [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601]);
                w.U16(0x0012).U16(0);
                w.U16(0x0033).U16(43).U16(41).U16(grease).U16(1).U8(0).U16(0x001D).U16(32).Noise(random, 32);
                w.U16(0x002D).U16(2).U8(1).U8(1);
                w.U16(0x002B).U16(7).U8(6).U16(grease).U16(0x0304).U16(0x0303);
                w.U16(0x001B).U16(3).U8(2).U16(2);
                w.U16(grease2).U16(1).U8(0);
                break;
            case TlsClientProfile.Schannel:
                w.U16(0x000A).U16(8).U16(6).U16(0x001D).U16(0x0017).U16(0x0018);
                w.U16(0x000B).U16(2).U8(1).U8(0);
                SignatureAlgorithms(w, [0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0201, 0x0403, 0x0503, 0x0203, 0x0202, 0x0601, 0x0603]);
                w.U16(0x0023).U16(0).U16(0x0017).U16(0).U16(0xFF01).U16(1).U8(0);
                break;
            default:
                w.U16(0x0005).U16(5).U8(1).U16(0).U16(0);
                w.U16(0x000A).U16(8).U16(6).U16(0x001D).U16(0x0017).U16(0x0018);
                w.U16(0x000B).U16(2).U8(1).U8(0);
                SignatureAlgorithms(w, [0x0804, 0x0403, 0x0807, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0503, 0x0603, 0x0201, 0x0203]);
                w.U16(0xFF01).U16(1).U8(0).U16(0x0012).U16(0);
                break;
        }
        w.PatchLength(extensions, 2);
        return Close(w, record, body);
    }

    /// <summary>A TLS 1.3 ServerHello (in a 1.2-versioned record) followed by the compatibility ChangeCipherSpec.</summary>
    public static byte[] ServerHello13(Random random)
    {
        var w = Record(Handshake, 0x0303, out int record);
        int body = Message(w, 2);
        w.U16(0x0303).Noise(random, 32).U8(32).Noise(random, 32).U16(Aes128GcmSha256).U8(0);
        w.U16(46).U16(0x002B).U16(2).U16(0x0304).U16(0x0033).U16(36).U16(0x001D).U16(32).Noise(random, 32);
        w.PatchLength(body, 3).PatchLength(record, 2);
        return w.U8(ChangeCipherSpec).U16(0x0303).U16(1).U8(1).ToArray();
    }

    /// <summary>A TLS 1.2 server flight in one record: ServerHello, Certificate, ServerKeyExchange (ECDHE x25519, RSA signature), ServerHelloDone.</summary>
    public static byte[] ServerFlight12(Random random, ReadOnlySpan<byte> certificate)
    {
        var w = Record(Handshake, 0x0303, out int record);
        int hello = Message(w, 2);
        w.U16(0x0303).Noise(random, 32).U8(32).Noise(random, 32).U16(EcdheRsaAes256Gcm).U8(0);
        w.U16(15).U16(0xFF01).U16(1).U8(0).U16(0x000B).U16(2).U8(1).U8(0).U16(0x0017).U16(0);
        w.PatchLength(hello, 3);
        int certificates = Message(w, 11);
        w.U24(certificate.Length + 3).U24(certificate.Length).Bytes(certificate);
        w.PatchLength(certificates, 3);
        int keyExchange = Message(w, 12);
        w.U8(3).U16(0x001D).U8(32).Noise(random, 32).U16(0x0401).U16(256).Noise(random, 256);
        w.PatchLength(keyExchange, 3);
        Message(w, 14);
        return w.PatchLength(record, 2).ToArray();
    }

    /// <summary>The client's second flight in TLS 1.2: ClientKeyExchange, ChangeCipherSpec, encrypted Finished.</summary>
    public static byte[] ClientFinish12(Random random)
    {
        var w = Record(Handshake, 0x0303, out int record);
        int body = Message(w, 16);
        w.U8(32).Noise(random, 32);
        Close(w, record, body);
        w.U8(ChangeCipherSpec).U16(0x0303).U16(1).U8(1);
        return w.U8(Handshake).U16(0x0303).U16(40).Noise(random, 40).ToArray();
    }

    /// <summary>The server's ChangeCipherSpec and encrypted Finished (TLS 1.2).</summary>
    public static byte[] ServerFinish12(Random random) =>
        new ByteWriter(51).U8(ChangeCipherSpec).U16(0x0303).U16(1).U8(1).U8(Handshake).U16(0x0303).U16(40).Noise(random, 40).ToArray();

    /// <summary>The client's TLS 1.3 second flight: compatibility ChangeCipherSpec and the encrypted Finished.</summary>
    public static byte[] ClientFinish13(Random random) =>
        new ByteWriter(64).U8(ChangeCipherSpec).U16(0x0303).U16(1).U8(1).U8(ApplicationData).U16(0x0303).U16(53).Noise(random, 53).ToArray();

    /// <summary><paramref name="bytes"/> of application data as encrypted records of at most 16 KiB.</summary>
    public static byte[] AppData(Random random, int bytes)
    {
        var w = new ByteWriter(bytes + 5 * (bytes / 16384 + 1));
        for (int left = Math.Max(bytes, 1); left > 0;)
        {
            int n = Math.Min(left, 16384);
            w.U8(ApplicationData).U16(0x0303).U16(n + 24).Noise(random, n + 24);
            left -= n;
        }
        return w.ToArray();
    }

    private static void SignatureAlgorithms(ByteWriter w, ushort[] algorithms)
    {
        w.U16(0x000D).U16(algorithms.Length * 2 + 2).U16(algorithms.Length * 2);
        foreach (ushort a in algorithms) w.U16(a);
    }

    private static ByteWriter Record(int type, int version, out int lengthAt)
    {
        var w = new ByteWriter(1024);
        w.U8(type).U16(version);
        lengthAt = w.Reserve(2);
        return w;
    }

    private static int Message(ByteWriter w, int type)
    {
        w.U8(type);
        return w.Reserve(3);
    }

    private static byte[] Close(ByteWriter w, int record, int body) => w.PatchLength(body, 3).PatchLength(record, 2).ToArray();
}
