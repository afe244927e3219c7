namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>
/// Record-by-record comparison of a baseline log with the sensor's events: both sequences are aligned on a key (longest
/// common subsequence, so one difference does not shift everything after it); every baseline record left unmatched and
/// every extra event must be explained by a named, documented reason, or the test fails.
/// </summary>
internal sealed class RecordComparison<TExpected, TActual>(
    string baseline, IReadOnlyList<TExpected> expected, IReadOnlyList<TActual> actual,
    Func<TExpected, string> expectedKey, Func<TActual, string> actualKey)
{
    private readonly List<(string Reason, string Record)> _explained = [];
    private readonly List<string> _unexplained = [];

    public List<(TExpected Expected, TActual Actual)> Matched { get; } = [];

    public List<TExpected> Missing { get; } = [];

    public List<TActual> Extra { get; } = [];

    public RecordComparison<TExpected, TActual> Align()
    {
        int n = expected.Count, m = actual.Count;
        var a = expected.Select(expectedKey).ToArray();
        var b = actual.Select(actualKey).ToArray();
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[x] == b[y])
            {
                Matched.Add((expected[x++], actual[y++]));
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                Missing.Add(expected[x++]);
            }
            else
            {
                Extra.Add(actual[y++]);
            }
        }

        Missing.AddRange(expected.Skip(x));
        Extra.AddRange(actual.Skip(y));
        return this;
    }

    /// <summary>Explains each unmatched record with the first reason that names it (null: no reason applies).</summary>
    public RecordComparison<TExpected, TActual> Explain(Func<TExpected, string?> missing, Func<TActual, string?> extra)
    {
        foreach (TExpected e in Missing)
        {
            Note(missing(e), "baseline only: " + expectedKey(e));
        }

        foreach (TActual e in Extra)
        {
            Note(extra(e), "sensor only: " + actualKey(e));
        }

        return this;
    }

    /// <summary>A matched pair whose other fields differ (outcome, class): explained or not.</summary>
    public void Difference(string? reason, string record) => Note(reason, record);

    /// <summary>Prints the tally and fails on any unexplained difference.</summary>
    public int Report(ITestOutputHelper output, int exactMatches)
    {
        output.WriteLine($"{baseline}: {exactMatches}/{expected.Count} baseline records matched exactly "
            + $"({Matched.Count} aligned, {Missing.Count} baseline-only, {Extra.Count} sensor-only)");
        foreach (var group in _explained.GroupBy(e => e.Reason))
        {
            output.WriteLine($"  explained [{group.Key}] x{group.Count()}: {group.First().Record}");
        }

        foreach (string u in _unexplained.Take(20))
        {
            output.WriteLine("  UNEXPLAINED " + u);
        }

        _unexplained.ShouldBeEmpty($"{baseline}: differences without a named reason");
        return exactMatches;
    }

    private void Note(string? reason, string record)
    {
        if (reason is null)
        {
            _unexplained.Add(record);
        }
        else
        {
            _explained.Add((reason, record));
        }
    }
}
