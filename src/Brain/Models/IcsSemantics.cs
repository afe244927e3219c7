using System.Globalization;
using System.Text;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

public enum ProgramDirection
{
    /// <summary>Download, activation, delete, firmware: writes logic into the controller.</summary>
    ToDevice,

    /// <summary>Upload (read-out): reads logic from the controller.</summary>
    FromDevice,
}

/// <summary>Reading the classified ICS commands of the sensor (DETECTION.md §1.2–1.6 command classes).</summary>
public static class IcsSemantics
{
    public static bool IsDiscover(IcsCommandSeen c) => Is(c.Class, "discover");

    public static bool IsAction(IcsCommandSeen c) => Is(c.Class, "action") || Is(c.Class, "write");

    public static bool IsProgramTransfer(IcsCommandSeen c) => Is(c.Class, "reprogram") || Is(c.Class, "program");

    public static bool Succeeded(IcsCommandSeen c) => Is(c.Outcome, "success");

    public static bool Failed(IcsCommandSeen c) => Is(c.Outcome, "failure");

    /// <summary>
    /// Critical control commands (PLC stop/start, memory reset, cold/warm restart, STOP_APPL, force listen-only):
    /// the sensor's flag, or the function name when a dissector does not set it.
    /// </summary>
    public static bool IsCritical(IcsCommandSeen c)
    {
        if (c.Critical) return true;
        if (!IsAction(c)) return false;
        string f = c.Function;
        return Has(f, "stop") || Has(f, "start") || Has(f, "restart") || Has(f, "reset") || Has(f, "listen")
            || Has(f, "p_program");
    }

    /// <summary>Direction of a program transfer. Unknown names count as writes to the controller (the more severe case).</summary>
    public static ProgramDirection DirectionOf(IcsCommandSeen c)
    {
        if (c.Critical) return ProgramDirection.ToDevice;
        string f = c.Function;
        bool readsOut = Has(f, "upload") || Has(f, "read");
        // Schneider calls PC → PLC strategy transfer "upload"; only plain reads are read-outs there.
        if (IcsPorts.FamilyOf(c.Protocol) == "modbus") readsOut = Has(f, "read") || Has(f, "to-pc") || Has(f, "plc-to-pc");
        return readsOut ? ProgramDirection.FromDevice : ProgramDirection.ToDevice;
    }

    /// <summary>
    /// The fine command key: protocol, function and the target part of its detail (DETECTION.md §2.9–2.10):
    /// SZL id, MEI/UMAS/diagnostic code, S7 area and DB number, Modbus address bins 100 wide, DNP3 objects,
    /// CIP class/instance. Values, quantities, offsets, indexes and outcome extras (errors, exceptions) are
    /// dropped, so an HMI writing changing set-points into its usual registers keeps one key.
    /// </summary>
    public static string Key(IcsCommandSeen c)
    {
        var key = new StringBuilder(c.Protocol.Length + c.Function.Length + 24).Append(c.Protocol).Append(':').Append(c.Function);
        if (c.Detail is not { Length: > 0 } detail) return key.ToString();
        char separator = '/';
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string token in detail.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string? part = Target(token);
            if (part is null || !seen.Add(part)) continue;
            key.Append(separator).Append(part);
            separator = ' ';
        }
        return key.ToString();
    }

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "value", "quantity", "read-quantity", "write-quantity", "exception", "error", "item-error", "return-code", "status",
        "session", "load-length", "mc7-length", "pdu-size", "index", "iin", "items", "file", "fs", "via", "count",
    };

    private static readonly HashSet<string> Binned = new(StringComparer.OrdinalIgnoreCase) { "start", "address", "read-start", "write-start", "fifo" };

    private static string? Target(string token)
    {
        int eq = token.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            string name = token[..eq];
            if (Dropped.Contains(name)) return null;
            if (Binned.Contains(name) && long.TryParse(token.AsSpan(eq + 1), out long n)) return name + "=" + (n / 100 * 100).ToString(CultureInfo.InvariantCulture);
            return token;
        }
        if (token == "...") return null;
        // S7 item addresses: "DB5.DBW10[1]" → "DB5"; "QB1[1]", "M5.0[1]" → their area letters.
        if (token.Length > 2 && token.StartsWith("DB", StringComparison.Ordinal) && char.IsAsciiDigit(token[2]))
        {
            int end = 2;
            while (end < token.Length && char.IsAsciiDigit(token[end])) end++;
            return token[..end];
        }
        int letters = 0;
        while (letters < token.Length && char.IsAsciiLetter(token[letters])) letters++;
        return letters > 0 && letters < token.Length && (char.IsAsciiDigit(token[letters]) || token[letters] == '[') ? token[..letters] : token;
    }

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

    private static bool Has(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);
}
