using System.Globalization;

namespace AutoRespond.Sensor.Dissectors.Enip;

/// <summary>EtherNet/IP commands and CIP services with their classes (DETECTION.md §1.6, ODVA CIP Vol. 1).</summary>
internal static class CipNames
{
    public static string? Command(int command) => command switch
    {
        0x0000 => "nop",
        0x0004 => "list-services",
        0x0063 => "list-identity",
        0x0064 => "list-interfaces",
        0x0065 => "register-session",
        0x0066 => "unregister-session",
        0x006F => "send-rr-data",
        0x0070 => "send-unit-data",
        0x0072 => "indicate-status",
        0x0073 => "cancel",
        _ => null,
    };

    /// <summary>A CIP service on a class (class-specific codes ≥ 0x4B depend on it): (name, class, critical).</summary>
    public static (string Name, string Class, bool Critical) Service(int service, int cipClass) => (service, cipClass) switch
    {
        (0x01, 0x01) => ("get-attributes-all", IcsClass.Discover, false),
        (0x01, _) => ("get-attributes-all", IcsClass.Read, false),
        (0x02, _) => ("set-attributes-all", IcsClass.Action, false),
        (0x03, _) => ("get-attribute-list", IcsClass.Read, false),
        (0x04, _) => ("set-attribute-list", IcsClass.Action, false),
        (0x05, _) => ("reset", IcsClass.Action, true),
        (0x06, _) => ("start", IcsClass.Action, true),
        (0x07, _) => ("stop", IcsClass.Action, true),
        (0x08, _) => ("create", IcsClass.Reprogram, false),
        (0x09, _) => ("delete", IcsClass.Reprogram, false),
        (0x0A, _) => ("multiple-service-packet", IcsClass.Read, false),
        (0x0D, _) => ("apply-attributes", IcsClass.Action, false),
        (0x0E, _) => ("get-attribute-single", IcsClass.Read, false),
        (0x10, _) => ("set-attribute-single", IcsClass.Action, false),
        (0x11, _) => ("find-next-object-instance", IcsClass.Discover, false),
        (0x15, _) => ("restore", IcsClass.Reprogram, false),
        (0x16, _) => ("save", IcsClass.Reprogram, false),
        (0x17, _) => ("nop", IcsClass.Session, false),
        (0x18, _) => ("get-member", IcsClass.Read, false),
        (0x19, _) => ("set-member", IcsClass.Action, false),
        (0x1A, _) => ("insert-member", IcsClass.Action, false),
        (0x1B, _) => ("remove-member", IcsClass.Action, false),
        (0x4E, 0x06) => ("forward-close", IcsClass.Session, false),
        (0x52, 0x06) => ("unconnected-send", IcsClass.Session, false),
        (0x54, 0x06) => ("forward-open", IcsClass.Session, false),
        (0x5B, 0x06) => ("large-forward-open", IcsClass.Session, false),
        (0x4C, _) => ("read-tag", IcsClass.Read, false),
        (0x4D, _) => ("write-tag", IcsClass.Action, false),
        (0x4E, _) => ("read-modify-write-tag", IcsClass.Action, false),
        (0x52, _) => ("read-tag-fragmented", IcsClass.Read, false),
        (0x53, _) => ("write-tag-fragmented", IcsClass.Action, false),
        (0x55, _) => ("get-instance-attribute-list", IcsClass.Discover, false),
        _ => ("service-0x" + service.ToString("x2", CultureInfo.InvariantCulture), IcsClass.Discover, false),
    };

    /// <summary>Orders classes so a Multiple Service Packet takes its strongest embedded class.</summary>
    public static int Rank(string cls) => cls switch
    {
        IcsClass.Reprogram => 4,
        IcsClass.Action => 3,
        IcsClass.Discover => 2,
        IcsClass.Read => 1,
        _ => 0,
    };
}
