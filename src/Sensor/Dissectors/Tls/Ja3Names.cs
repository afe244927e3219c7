using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>JA3 / JA3S strings and hashes (salesforce/ja3): decimal values, '-' within a field, ',' between fields.</summary>
internal static class Ja3Names
{
    /// <summary>RFC 8701 GREASE values (0x0A0A, 0x1A1A, ... 0xFAFA) are left out of every list.</summary>
    public static bool IsGrease(int value) => (value & 0x0F0F) == 0x0A0A && (value >> 8) == (value & 0xFF);

    public static void AppendList(StringBuilder sb, List<int> values, bool sorted = false)
    {
        IEnumerable<int> list = sorted ? values.Order() : values;
        bool first = true;
        foreach (int v in list)
        {
            if (!first)
            {
                sb.Append('-');
            }

            sb.Append(v.ToString(CultureInfo.InvariantCulture));
            first = false;
        }
    }

    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(text)));

    /// <summary>Zeek's ssl.log version names.</summary>
    public static string VersionName(int version) => version switch
    {
        0x0002 => "SSLv2",
        0x0300 => "SSLv3",
        0x0301 => "TLSv10",
        0x0302 => "TLSv11",
        0x0303 => "TLSv12",
        0x0304 => "TLSv13",
        >= 0x7F00 and <= 0x7FFF => "TLSv13-draft",
        _ => "0x" + version.ToString("x4", CultureInfo.InvariantCulture),
    };
}
