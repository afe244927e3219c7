namespace AutoRespond.Brain.Models;

/// <summary>The ICS port set of DETECTION.md §1.9 and the protocol each port stands for.</summary>
public static class IcsPorts
{
    public static bool IsIcsPort(string proto, int port) => proto switch
    {
        "tcp" => port is 102 or 502 or 20000 or 44818 or 2404 or 4840 or 1911 or 4911 or 9600 or 18245 or 20547 or 1962 or 5094,
        "udp" => port is 20000 or 44818 or 2222 or 47808 or 34964 or 5094 or 9600,
        _ => false,
    };

    /// <summary>A short protocol name for an ICS port (the "protocol" of ICS edges and triples).</summary>
    public static string ProtocolOf(int port) => port switch
    {
        102 => "iso-tsap",
        502 => "modbus",
        20000 => "dnp3",
        44818 or 2222 => "enip",
        2404 => "iec104",
        4840 => "opcua",
        47808 => "bacnet",
        1911 or 4911 => "fox",
        9600 => "fins",
        18245 => "srtp",
        20547 => "proconos",
        1962 => "pcworx",
        5094 => "hart-ip",
        34964 => "profinet",
        _ => "port-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly Dictionary<string, string> Families = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s7comm"] = "iso-tsap", ["s7comm-plus"] = "iso-tsap", ["s7"] = "iso-tsap", ["cotp"] = "iso-tsap", ["mms"] = "iso-tsap",
        ["iccp"] = "iso-tsap", ["iso-tsap"] = "iso-tsap", ["modbus"] = "modbus", ["umas"] = "modbus", ["dnp3"] = "dnp3",
        ["enip"] = "enip", ["cip"] = "enip", ["iec104"] = "iec104", ["iec-104"] = "iec104", ["opcua"] = "opcua",
        ["opc-ua"] = "opcua", ["bacnet"] = "bacnet",
    };

    /// <summary>The protocol name a dissector protocol (s7comm, modbus, ...) maps to, for comparing with <see cref="ProtocolOf"/>.</summary>
    public static string FamilyOf(string dissectorProtocol)
    {
        // Commands of one protocol come in runs, with the same protocol string: the last answer is kept.
        if (_lastFamily is { } last && ReferenceEquals(last.Protocol, dissectorProtocol)) return last.Family;
        string family = Families.TryGetValue(dissectorProtocol, out var known) ? known : dissectorProtocol.ToLowerInvariant();
        _lastFamily = new LastFamily(dissectorProtocol, family);
        return family;
    }

    /// <summary>One immutable object, replaced whole, so concurrent brains never see a torn pair.</summary>
    private sealed record LastFamily(string Protocol, string Family);

    private static LastFamily? _lastFamily;

    /// <summary>True when the port is one the protocol (family) normally uses.</summary>
    public static bool IsStandardPort(string dissectorProtocol, int port)
    {
        string family = FamilyOf(dissectorProtocol);
        return family == ProtocolOf(port) || (family == "enip" && port is 44818 or 2222);
    }
}
