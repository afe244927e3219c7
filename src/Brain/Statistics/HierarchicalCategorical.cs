using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>
/// The categorical predictive of DETECTION.md §2.0 with hierarchical Dirichlet/CRP backoff
/// device → group (zone) → organisation → uniform base measure P0:
/// P(v|d) = (n_dv + β·P(v|g)) / (n_d + β), P(v|g) = (n_gv + γ·P(v|org)) / (n_g + γ),
/// P(v|org) = (n_ov + δ·P0) / (n_o + δ), β = γ = δ (default 2). Counts are decayed.
/// <para>
/// Tail π(v) (the probability of something at least as unusual): at the most specific level j that knows
/// v, τ_j = (Σ_{u: n_u ≤ n_v} n_u + c) / (n_j + c); below it every level multiplies in its probability of
/// producing a value it has not seen, c / (n_i + c). A value no level knows has π = Π c/(n_i + c), the
/// spec's "≈ β/(n_d + β) for a new value" when only the device has data. Zone and organisation counts
/// leave the device's own counts out (its history is evidence about itself, not about its peers).
/// </para>
/// </summary>
public sealed class HierarchicalCategorical<TValue>(Func<TValue, string> encode, Func<string, TValue> decode,
    double concentration = HierarchicalCategorical<TValue>.DefaultConcentration, IEqualityComparer<TValue>? comparer = null)
    where TValue : notnull
{
    public const double DefaultConcentration = 2;
    public const string Organisation = "*";

    public CategoricalCounts<TValue> Counts { get; } = new(encode, decode, comparer);

    public double Concentration { get; } = concentration;

    /// <summary>The group scope key of a zone name (devices are keyed by their id, the organisation by "*").</summary>
    public static string GroupKey(string? zone) => "z:" + (zone ?? "");

    /// <summary>Counts one observation at all three levels (skipped entirely when the device saw the value within <paramref name="dedupe"/>).</summary>
    public bool Add(string device, string group, TValue value, DateTimeOffset now, TimeSpan halfLife, TimeSpan dedupe = default)
    {
        if (!Counts.Add(device, value, now, halfLife, dedupe)) return false;
        Counts.Add(group, value, now, halfLife);
        Counts.Add(Organisation, value, now, halfLife);
        return true;
    }

    public bool IsNew(string scope, TValue value, DateTimeOffset now, TimeSpan halfLife) =>
        Counts.Count(scope, value, now, halfLife) < 0.5;

    public double Predictive(string device, string group, TValue value, double p0, DateTimeOffset now, TimeSpan halfLife)
    {
        double p = p0;
        p = Level(Organisation, device, value, p, now, halfLife);
        p = Level(group, device, value, p, now, halfLife);
        return Level(device, null, value, p, now, halfLife);
    }

    /// <summary>
    /// π of the value for the device. The zone and organisation levels leave the device's own counts out, so
    /// its own history is not counted again as evidence about its peers.
    /// </summary>
    public double Tail(string device, string group, TValue value, DateTimeOffset now, TimeSpan halfLife)
    {
        double factor = 1;
        foreach (string scope in (ReadOnlySpan<string>)[device, group, Organisation])
        {
            string? exclude = scope == device ? null : device;
            if (Counts.CountExcluding(scope, value, exclude, now, halfLife) >= 0.5)
                return factor * Counts.LevelTail(scope, value, Concentration, now, halfLife, exclude);
            factor *= Concentration / (Counts.TotalExcluding(scope, exclude, now, halfLife) + Concentration);
        }
        return factor;
    }

    public IEnumerable<TableSnapshot> Export(string name) => Counts.Export(name);

    public void Import(StateSnapshot state, string name) => Counts.Import(state, name);

    private double Level(string scope, string? exclude, TValue value, double parent, DateTimeOffset now, TimeSpan halfLife) =>
        (Counts.CountExcluding(scope, value, exclude, now, halfLife) + Concentration * parent)
        / (Counts.TotalExcluding(scope, exclude, now, halfLife) + Concentration);
}
