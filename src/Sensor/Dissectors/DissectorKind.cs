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
}
