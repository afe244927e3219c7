using System.Globalization;

namespace AutoRespond.Sensor.Dissectors.Dnp3;

/// <summary>DNP3 application function names (zeek/zeek dnp3 consts, kebab case) and classes (DETECTION.md §1.5).</summary>
internal static class Dnp3Names
{
    public static (string Name, string Class, bool Critical) Function(int code) => code switch
    {
        0x00 => ("confirm", IcsClass.Session, false),
        0x01 => ("read", IcsClass.Read, false),
        0x02 => ("write", IcsClass.Action, false),
        0x03 => ("select", IcsClass.Action, false),
        0x04 => ("operate", IcsClass.Action, false),
        0x05 => ("direct-operate", IcsClass.Action, false),
        0x06 => ("direct-operate-nr", IcsClass.Action, false),
        0x07 => ("immed-freeze", IcsClass.Action, false),
        0x08 => ("immed-freeze-nr", IcsClass.Action, false),
        0x09 => ("freeze-clear", IcsClass.Action, false),
        0x0A => ("freeze-clear-nr", IcsClass.Action, false),
        0x0B => ("freeze-at-time", IcsClass.Action, false),
        0x0C => ("freeze-at-time-nr", IcsClass.Action, false),
        0x0D => ("cold-restart", IcsClass.Action, true),
        0x0E => ("warm-restart", IcsClass.Action, true),
        0x0F => ("initialize-data", IcsClass.Action, true),
        0x10 => ("initialize-appl", IcsClass.Action, true),
        0x11 => ("start-appl", IcsClass.Action, true),
        0x12 => ("stop-appl", IcsClass.Action, true),
        0x13 => ("save-config", IcsClass.Reprogram, false),
        0x14 => ("enable-unsolicited", IcsClass.Action, false),
        0x15 => ("disable-unsolicited", IcsClass.Action, false),
        0x16 => ("assign-class", IcsClass.Action, false),
        0x17 => ("delay-measure", IcsClass.Session, false),
        0x18 => ("record-current-time", IcsClass.Session, false),
        0x19 => ("open-file", IcsClass.Reprogram, false),
        0x1A => ("close-file", IcsClass.Reprogram, false),
        0x1B => ("delete-file", IcsClass.Reprogram, false),
        0x1C => ("get-file-info", IcsClass.Reprogram, false),
        0x1D => ("authenticate-file", IcsClass.Reprogram, false),
        0x1E => ("abort-file", IcsClass.Reprogram, false),
        0x1F => ("activate-config", IcsClass.Reprogram, false),
        0x20 => ("authenticate-req", IcsClass.Session, false),
        0x21 => ("authenticate-err", IcsClass.Session, false),
        _ => ("unknown-" + code.ToString(CultureInfo.InvariantCulture), IcsClass.Discover, false),
    };

    /// <summary>Requests the outstation does not answer ("no response" variants).</summary>
    public static bool ExpectsNoResponse(int code) => code is 0x06 or 0x08 or 0x0A or 0x0C;
}
