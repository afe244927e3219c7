using System.Globalization;
using System.Text;

namespace AutoRespond.Simulation.Activities;

/// <summary>What a controller reports about itself: order number, module name, serial, firmware, vendor.</summary>
/// <param name="OrderNumber">Siemens MLFB (20 characters) or the Modbus product code.</param>
internal sealed record PlcIdentity(string Vendor, string OrderNumber, string ModuleName, string PlantName, string Serial, string Firmware,
    ushort PduSize)
{
    public static PlcIdentity S7_315 { get; } = new("Siemens", "6ES7 315-2EH14-0AB0 ", "CPU 315-2 PN/DP", "LINE1_PRESS", "S C-H4U327842014", "3.2.6", 240);

    public static PlcIdentity S7_416 { get; } = new("Siemens", "6ES7 416-3ES07-0AB0 ", "CPU 416-3 PN/DP", "LINE1_KILN", "S C-J7N104587712", "7.0.1", 480);

    public static PlcIdentity M340 { get; } = new("Schneider Electric", "BMX P34 2020", "M340 CPU", "PUMPS", "21.35.0112", "v3.10", 0);

    public static PlcIdentity M340Dosing { get; } = new("Schneider Electric", "BMX P34 2030", "M340 CPU", "DOSING", "21.35.0847", "v2.80", 0);

    /// <summary>SZL 0x0011 (module identification): 28-byte records for index 1 (module), 6 (hardware), 7 (firmware).</summary>
    public IReadOnlyList<byte[]> ModuleIdentification()
    {
        int[] v = Firmware.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return
        [
            Record(28, 0x0001, OrderNumber, 0x0000, 0x0001, 0x0000),
            Record(28, 0x0006, OrderNumber, 0x0000, 0x0001, 0x0000),
            Record(28, 0x0007, new string(' ', 20), 0x0000, (ushort)('V' << 8 | v[0]), (ushort)(v[1] << 8 | v[2])),
        ];
    }

    /// <summary>SZL 0x001C (component identification): 34-byte records, index + 32 characters.</summary>
    public IReadOnlyList<byte[]> ComponentIdentification() =>
    [
        Text(0x0001, PlantName), Text(0x0002, ModuleName), Text(0x0003, ""), Text(0x0004, "Original Siemens Equipment"),
        Text(0x0005, Serial), Text(0x0007, ModuleName),
    ];

    /// <summary>SZL 0x0424 (operating mode): one 20-byte record, RUN since <paramref name="since"/>.</summary>
    public static IReadOnlyList<byte[]> OperatingModeRun(DateTimeOffset since)
    {
        var record = new byte[20];
        record[0] = 0x43;
        record[1] = 0x13; // event: mode transition to RUN
        record[2] = 0xFF;
        record[3] = 0x08; // bzu-id: RUN
        record[9] = 0x08; // anlinfo2: RUN
        static byte Bcd(int v) => (byte)((v / 10) << 4 | (v % 10));
        record[12] = Bcd(since.Year % 100);
        record[13] = Bcd(since.Month);
        record[14] = Bcd(since.Day);
        record[15] = Bcd(since.Hour);
        record[16] = Bcd(since.Minute);
        record[17] = Bcd(since.Second);
        record[18] = Bcd(since.Millisecond / 10);
        record[19] = (byte)((since.Millisecond % 10) << 4 | ((int)since.DayOfWeek + 1));
        return [record];
    }

    private static byte[] Text(ushort index, string text) => Record(34, index, text.PadRight(32)[..32]);

    private static byte[] Record(int length, ushort index, string text, params ushort[] words)
    {
        var record = new byte[length];
        record[0] = (byte)(index >> 8);
        record[1] = (byte)index;
        Encoding.ASCII.GetBytes(text, record.AsSpan(2));
        for (int i = 0; i < words.Length; i++)
        {
            record[2 + text.Length + 2 * i] = (byte)(words[i] >> 8);
            record[3 + text.Length + 2 * i] = (byte)words[i];
        }
        return record;
    }
}
