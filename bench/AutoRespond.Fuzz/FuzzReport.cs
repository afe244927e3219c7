using System.Globalization;
using System.Text;

namespace AutoRespond.Fuzz;

/// <summary>
/// What one fuzz run found: inputs tried, crashes (an exception that escaped, a dissector fault, or a hang), sanity
/// invariants broken, and every rejection counted by reason. A run is clean when crashes and violations are zero.
/// </summary>
public sealed class FuzzReport(string target, int seed)
{
    private const int MaxSamples = 20;
    private readonly SortedDictionary<string, long> _reasons = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _observations = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _mutations = new(StringComparer.Ordinal);
    private readonly List<FuzzFinding> _crashes = [];
    private readonly List<FuzzFinding> _violations = [];

    /// <summary>What was fuzzed: <c>sensor</c>, <c>capture-files</c>, <c>config-yaml</c>, <c>policy-json</c>, ...</summary>
    public string Target { get; } = target;

    public int Seed { get; } = seed;

    /// <summary>Mutated inputs given to the target (packets, files, documents).</summary>
    public long Inputs { get; internal set; }

    /// <summary>Inputs given unmutated as context (handshakes before a mutated request); not counted in <see cref="Inputs"/>.</summary>
    public long Unmutated { get; internal set; }

    /// <summary>Inputs accepted as valid (a config that loaded, a file read to its end, a packet decoded).</summary>
    public long Accepted { get; internal set; }

    public long Crashes { get; private set; }

    public long Violations { get; private set; }

    public TimeSpan Elapsed { get; internal set; }

    /// <summary>The slowest single input (file or document targets), to show no input came near a hang.</summary>
    public TimeSpan SlowestInput { get; internal set; }

    /// <summary>Rejections by reason (decoder failure reasons, dissector counters, reader and loader messages).</summary>
    public IReadOnlyDictionary<string, long> Reasons => _reasons;

    /// <summary>Counters that are not rejections but show the stress reached (reordering, eviction, peaks).</summary>
    public IReadOnlyDictionary<string, long> Observations => _observations;

    /// <summary>Mutations applied, by name.</summary>
    public IReadOnlyDictionary<string, long> Mutations => _mutations;

    /// <summary>The first crashes, with the input that caused each (for a regression test).</summary>
    public IReadOnlyList<FuzzFinding> CrashSamples => _crashes;

    public IReadOnlyList<FuzzFinding> ViolationSamples => _violations;

    public bool Clean => Crashes == 0 && Violations == 0;

    public double InputsPerSecond => Elapsed > TimeSpan.Zero ? Inputs / Elapsed.TotalSeconds : 0;

    public void CountReason(string reason, long count = 1)
    {
        if (count != 0)
        {
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + count;
        }
    }

    /// <summary>Adds to an observation, or with <paramref name="max"/> keeps the largest value seen.</summary>
    public void CountObservation(string name, long value, bool max = false)
        => _observations[name] = max ? Math.Max(_observations.GetValueOrDefault(name), value) : _observations.GetValueOrDefault(name) + value;

    public void CountMutation(string mutation) => _mutations[mutation] = _mutations.GetValueOrDefault(mutation) + 1;

    public void Crash(string what, string mutation, byte[] input)
    {
        Crashes++;
        if (_crashes.Count < MaxSamples)
        {
            _crashes.Add(new FuzzFinding(what, mutation, input));
        }
    }

    public void Violation(string what, string mutation, byte[] input)
    {
        Violations++;
        if (_violations.Count < MaxSamples)
        {
            _violations.Add(new FuzzFinding(what, mutation, input));
        }
    }

    /// <summary>One line of key=value figures, then the reasons, one per line (the bench's output).</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"target={Target} seed={Seed} inputs={Inputs} unmutated={Unmutated} accepted={Accepted} crashes={Crashes} violations={Violations} "
            + $"seconds={Elapsed.TotalSeconds:0.000} inputs_per_second={InputsPerSecond:0} "
            + $"slowest_input_ms={SlowestInput.TotalMilliseconds:0.0} distinct_reasons={_reasons.Count}").AppendLine();
        foreach (var (reason, count) in _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  reason {count,10} {reason}").AppendLine();
        }

        foreach (var (name, value) in _observations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  observed {value,10} {name}").AppendLine();
        }

        foreach (FuzzFinding f in _crashes.Concat(_violations))
        {
            sb.Append("  FINDING ").Append(f.What).Append(" [").Append(f.Mutation).Append("] input=")
                .Append(Convert.ToHexString(f.Input.AsSpan(0, Math.Min(f.Input.Length, 2048)))).AppendLine();
        }

        return sb.ToString();
    }
}
