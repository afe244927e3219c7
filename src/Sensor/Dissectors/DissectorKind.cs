namespace AutoRespond.Sensor.Dissectors;

/// <summary>The protocol a flow's dissector session follows.</summary>
internal enum DissectorKind : byte
{
    Tls,
    Rdp,
    Iso,
    Modbus,
    Dnp3,
    Enip,
    Dhcp,
    Dns,
    Cip,
    Http,
}

/// <summary>Stable names of <see cref="DissectorKind"/> for counters and docs.</summary>
internal static class DissectorKinds
{
    public const int Count = 10;

    public static readonly string[] Names = ["tls", "rdp", "iso-cotp", "modbus", "dnp3", "enip", "dhcp", "dns", "cip-io", "http"];
}

/// <summary>conn.log service names (Zeek's spelling), static so setting one never allocates.</summary>
internal static class Services
{
    public const string Ssl = "ssl";
    public const string Rdp = "rdp";
    public const string RdpSsl = "rdp,ssl";
    public const string Cotp = "cotp";
    public const string CotpS7 = "cotp,s7comm";
    public const string CotpS7Plus = "cotp,s7comm-plus";
    public const string Modbus = "modbus";
    public const string Dnp3 = "dnp3";
    public const string Enip = "enip";
    public const string Cip = "cip";
    public const string Dhcp = "dhcp";
    public const string Dns = "dns";

    /// <summary>Every service name, so a flow keeps a one-byte index (0: none) instead of a reference.</summary>
    private static readonly string[] Names = [Ssl, Rdp, RdpSsl, Cotp, CotpS7, CotpS7Plus, Modbus, Dnp3, Enip, Cip, Dhcp, Dns];

    public static string? NameOf(byte id) => id == 0 ? null : Names[id - 1];

    /// <summary>The index of a service name above (compared by value); a name not listed is a programming error.</summary>
    public static byte IdOf(string? name)
    {
        if (name is null)
        {
            return 0;
        }

        int i = Array.IndexOf(Names, name);
        return i >= 0 ? (byte)(i + 1) : throw new ArgumentException($"unknown service name '{name}': add it to Services", nameof(name));
    }
}
