using System.Globalization;

namespace AutoRespond.Sensor.Dissectors.S7;

/// <summary>S7comm function names and command classes (DETECTION.md §1.2, Wireshark packet-s7comm.c names).</summary>
internal static class S7Names
{
    /// <summary>A Job function: (name, class, critical).</summary>
    public static (string Name, string Class, bool Critical) Job(int function) => function switch
    {
        0xF0 => ("setup-communication", IcsClass.Session, false),
        0x04 => ("read-var", IcsClass.Read, false),
        0x05 => ("write-var", IcsClass.Action, false),
        0x1A => ("request-download", IcsClass.Reprogram, true),
        0x1B => ("download-block", IcsClass.Reprogram, true),
        0x1C => ("download-ended", IcsClass.Reprogram, true),
        0x1D => ("start-upload", IcsClass.Reprogram, false),
        0x1E => ("upload", IcsClass.Reprogram, false),
        0x1F => ("end-upload", IcsClass.Reprogram, false),
        0x28 => ("pi-service", IcsClass.Action, false),
        0x29 => ("plc-stop", IcsClass.Action, true),
        0x00 => ("cpu-services", IcsClass.Discover, false),
        0x01 => ("mode-transition", IcsClass.Action, false),
        _ => (Unknown(function), IcsClass.Discover, false),
    };

    /// <summary>A PI service (Job 0x28) by its name: _INSE/_INS2/_DELE/_MODU/_GARB reprogram, P_PROGRAM start.</summary>
    public static (string Class, bool Critical) PiService(string name) => name switch
    {
        "P_PROGRAM" => (IcsClass.Action, true),
        "_INSE" or "_INS2" or "_DELE" => (IcsClass.Reprogram, true),
        "_MODU" or "_GARB" => (IcsClass.Reprogram, false),
        _ when name.StartsWith("_N_", StringComparison.Ordinal) => (IcsClass.Reprogram, false),
        _ => (IcsClass.Action, false),
    };

    /// <summary>A Userdata request by function group and subfunction.</summary>
    public static (string Name, string Class, bool Critical) Userdata(int group, int sub) => (group, sub) switch
    {
        (1, 0x01) or (1, 0x13) => ("block-status", IcsClass.Read, false),
        (1, 0x02) => ("variable-status", IcsClass.Read, false),
        (1, 0x03) => ("output-istack", IcsClass.Read, false),
        (1, 0x04) => ("output-bstack", IcsClass.Read, false),
        (1, 0x05) => ("output-lstack", IcsClass.Read, false),
        (1, 0x06) => ("time-measurement", IcsClass.Read, false),
        (1, 0x07) => ("force-selection", IcsClass.Action, false),
        (1, 0x08) => ("modify-variable", IcsClass.Action, false),
        (1, 0x09) => ("force", IcsClass.Action, false),
        (1, 0x0A) => ("breakpoint", IcsClass.Action, false),
        (1, 0x0B) => ("exit-hold", IcsClass.Action, false),
        (1, 0x0C) => ("memory-reset", IcsClass.Action, true),
        (1, 0x0D) => ("disable-job", IcsClass.Action, false),
        (1, 0x0E) => ("enable-job", IcsClass.Action, false),
        (1, 0x0F) => ("delete-job", IcsClass.Action, false),
        (1, 0x10) => ("read-job-list", IcsClass.Action, false),
        (1, 0x11) => ("read-job", IcsClass.Action, false),
        (1, 0x12) => ("replace-job", IcsClass.Action, false),
        (1, 0x16) => ("flash-led", IcsClass.Action, false),
        (2, 0x01) => ("cyclic-memory", IcsClass.Read, false),
        (2, 0x04) => ("cyclic-unsubscribe", IcsClass.Read, false),
        (2, 0x05) => ("cyclic-db", IcsClass.Read, false),
        (2, 0x07) => ("cyclic-change-driven", IcsClass.Read, false),
        (2, 0x08) => ("cyclic-change-driven-db", IcsClass.Read, false),
        (2, _) => ("cyclic-data", IcsClass.Read, false),
        (3, 0x01) => ("list-blocks", IcsClass.Discover, false),
        (3, 0x02) => ("list-blocks-of-type", IcsClass.Discover, false),
        (3, 0x03) => ("get-block-info", IcsClass.Discover, false),
        (4, 0x01) => ("read-szl", IcsClass.Discover, false),
        (4, 0x02) => ("message-service", IcsClass.Read, false),
        (4, 0x03) => ("diagnostic-message", IcsClass.Read, false),
        (4, 0x07) => ("alarm8-lock", IcsClass.Action, false),
        (4, 0x08) => ("alarm8-unlock", IcsClass.Action, false),
        (4, 0x0B) => ("alarm-ack", IcsClass.Action, false),
        (4, 0x13) => ("alarm-query", IcsClass.Read, false),
        (4, _) => ("cpu-function-" + Hex(sub), IcsClass.Read, false),
        (5, 0x01) => ("plc-password", IcsClass.Action, false),
        (5, 0x02) => ("clean-session", IcsClass.Session, false),
        (6, _) => ("pbc-" + Hex(sub), IcsClass.Read, false),
        (7, 0x01) => ("read-clock", IcsClass.Discover, false),
        (7, 0x02) => ("set-clock", IcsClass.Action, false),
        (7, 0x03) => ("read-clock-following", IcsClass.Discover, false),
        (7, 0x04) => ("set-clock-2", IcsClass.Action, false),
        (0x20, _) => ("data-record-routing", IcsClass.Read, false),
        (0x3F, _) => ("nc-program-transfer", IcsClass.Reprogram, false),
        _ => ("unknown-userdata-" + Hex(group) + "-" + Hex(sub), IcsClass.Discover, false),
    };

    /// <summary>Block type from the two hex digits of a block filename (§1.2: 08 OB, 0A DB, 0B SDB, ...).</summary>
    public static string BlockType(ReadOnlySpan<char> code) => code switch
    {
        "08" => "OB",
        "0A" or "0a" => "DB",
        "0B" or "0b" => "SDB",
        "0C" or "0c" => "FC",
        "0D" or "0d" => "SFC",
        "0E" or "0e" => "FB",
        "0F" or "0f" => "SFB",
        _ => "type" + code.ToString(),
    };

    public static string Area(int area) => area switch
    {
        0x81 => "I",
        0x82 => "Q",
        0x83 => "M",
        0x84 => "DB",
        0x85 => "DI",
        0x80 => "P",
        0x1C => "C",
        0x1D => "T",
        _ => "area" + Hex(area),
    };

    public static string Hex(int value) => "0x" + value.ToString(value > 0xFF ? "x4" : "x2", CultureInfo.InvariantCulture);

    private static string Unknown(int function) => "unknown-" + Hex(function);
}
