namespace AutoRespond.Brain.Models;

/// <summary>Reading distinguished names as the sensor prints them ("CN=host, O=Org" or "O=Org/CN=host").</summary>
public static class Certificates
{
    /// <summary>The common name of a DN, or null.</summary>
    public static string? CommonName(string? dn)
    {
        if (string.IsNullOrEmpty(dn)) return null;
        int at = 0;
        while (at < dn.Length)
        {
            int i = dn.IndexOf("CN=", at, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return null;
            if (i == 0 || dn[i - 1] is ',' or '/' or ' ' or ';' or '+')
            {
                int start = i + 3, end = start;
                while (end < dn.Length && dn[end] is not (',' or '/' or ';' or '+')) end++;
                string cn = dn[start..end].Trim();
                return cn.Length == 0 ? null : cn;
            }
            at = i + 3;
        }
        return null;
    }
}
