namespace AutoRespond.Sensor.Tests.Support;

/// <summary>Reads a Zeek TSV log (conn.log baseline) into field-name → value rows.</summary>
internal static class ZeekConnLog
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        string[] fields = [];
        var rows = new List<Dictionary<string, string>>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("#fields\t", StringComparison.Ordinal))
            {
                fields = line.Split('\t')[1..];
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                string[] values = line.Split('\t');
                if (fields.Length == 0)
                {
                    fields = values; // btest-diff-cut output: the first line names the columns
                    continue;
                }

                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < fields.Length && i < values.Length; i++)
                {
                    row[fields[i]] = values[i];
                }

                rows.Add(row);
            }
        }

        return rows;
    }
}
