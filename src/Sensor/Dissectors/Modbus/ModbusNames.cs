using System.Globalization;

namespace AutoRespond.Sensor.Dissectors.Modbus;

/// <summary>
/// Modbus function names (zeek/zeek scripts/base/protocols/modbus/consts.zeek, in kebab case) and command classes
/// (DETECTION.md §1.4); UMAS (FC 90) subfunctions per the §1.4 table. Unassigned codes are "unknown-N", class
/// discover: a function the device does not implement is a probe.
/// </summary>
internal static class ModbusNames
{
    public static (string Name, string Class, bool Critical) Function(int code) => code switch
    {
        0x01 => ("read-coils", IcsClass.Read, false),
        0x02 => ("read-discrete-inputs", IcsClass.Read, false),
        0x03 => ("read-holding-registers", IcsClass.Read, false),
        0x04 => ("read-input-registers", IcsClass.Read, false),
        0x05 => ("write-single-coil", IcsClass.Action, false),
        0x06 => ("write-single-register", IcsClass.Action, false),
        0x07 => ("read-exception-status", IcsClass.Discover, false),
        0x08 => ("diagnostics", IcsClass.Discover, false),
        0x09 => ("program-484", IcsClass.Reprogram, false),
        0x0A => ("poll-484", IcsClass.Discover, false),
        0x0B => ("get-comm-event-counter", IcsClass.Discover, false),
        0x0C => ("get-comm-event-log", IcsClass.Discover, false),
        0x0D => ("program-584-984", IcsClass.Reprogram, false),
        0x0E => ("poll-584-984", IcsClass.Discover, false),
        0x0F => ("write-multiple-coils", IcsClass.Action, false),
        0x10 => ("write-multiple-registers", IcsClass.Action, false),
        0x11 => ("report-slave-id", IcsClass.Discover, false),
        0x12 => ("program-884-u84", IcsClass.Reprogram, false),
        0x13 => ("reset-comm-link-884-u84", IcsClass.Action, false),
        0x14 => ("read-file-record", IcsClass.Read, false),
        0x15 => ("write-file-record", IcsClass.Action, false),
        0x16 => ("mask-write-register", IcsClass.Action, false),
        0x17 => ("read-write-multiple-registers", IcsClass.Action, false),
        0x18 => ("read-fifo-queue", IcsClass.Read, false),
        0x28 => ("program-concept", IcsClass.Reprogram, false),
        0x2B => ("encap-interface-transport", IcsClass.Discover, false),
        0x5A => ("umas", IcsClass.Discover, false),
        0x5B => ("object-messaging", IcsClass.Discover, false),
        0x7D => ("firmware-replacement", IcsClass.Reprogram, true),
        0x7E => ("program-584-984-2", IcsClass.Reprogram, false),
        0x7F => ("report-local-address", IcsClass.Discover, false),
        _ => ("unknown-" + code.ToString(CultureInfo.InvariantCulture), IcsClass.Discover, false),
    };

    /// <summary>Diagnostics (FC 8) subfunctions that change the device: restart, listen-only, clear counters.</summary>
    public static (string Class, bool Critical) Diagnostic(int sub) => sub switch
    {
        0x0001 => (IcsClass.Action, true),
        0x0004 => (IcsClass.Action, true),
        0x000A or 0x0014 => (IcsClass.Action, false),
        _ => (IcsClass.Discover, false),
    };

    /// <summary>UMAS (FC 90) subfunction classes (§1.4).</summary>
    public static (string Class, bool Critical) Umas(int sub) => sub switch
    {
        0x01 or 0x02 or 0x03 or 0x04 or 0x06 or 0x58 => (IcsClass.Discover, false),
        0x0A or 0x12 => (IcsClass.Session, false),
        0x20 or 0x22 or 0x24 or 0x39 or 0x50 or 0x70 or 0x73 => (IcsClass.Read, false),
        0x23 or 0x25 or 0x71 => (IcsClass.Action, false),
        0x10 or 0x11 => (IcsClass.Action, false),
        0x40 or 0x41 => (IcsClass.Action, true),
        0x30 or 0x31 or 0x32 => (IcsClass.Reprogram, true),
        0x33 or 0x34 or 0x35 => (IcsClass.Reprogram, false),
        _ => (IcsClass.Discover, false),
    };

    /// <summary>Zeek's exception names.</summary>
    public static string Exception(int code) => code switch
    {
        0x01 => "ILLEGAL_FUNCTION",
        0x02 => "ILLEGAL_DATA_ADDRESS",
        0x03 => "ILLEGAL_DATA_VALUE",
        0x04 => "SLAVE_DEVICE_FAILURE",
        0x05 => "ACKNOWLEDGE",
        0x06 => "SLAVE_DEVICE_BUSY",
        0x08 => "MEMORY_PARITY_ERROR",
        0x0A => "GATEWAY_PATH_UNAVAILABLE",
        0x0B => "GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND",
        _ => "unknown-" + code.ToString(CultureInfo.InvariantCulture),
    };
}
