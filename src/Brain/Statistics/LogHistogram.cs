using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>
/// A decayed histogram of ln(x) (bins 0.5 wide from ln 100 to ≈ ln 3.6e11) whose upper tail is a Gaussian
/// kernel estimate backed off to a parent tail: P(X ≥ x) = (Σ_b n_b·Φ̄((ln x − c_b)/h) + κ·P_parent(X ≥ x)) / (n + κ).
/// Non-parametric, so a device that moves small amounts most hours and large ones now and then keeps both
/// habits (a single log-normal would call its large hours extreme).
/// </summary>
public sealed class LogHistogram
{
    public const int Bins = 44;
    private const double MinLog = 4.6;
    private const double Width = 0.5;

    private readonly DecayedCount[] _bins = new DecayedCount[Bins];
    private DecayedCount _total;

    public void Add(double x, DateTimeOffset now, TimeSpan halfLife)
    {
        int bin = (int)Math.Clamp((Math.Log(Math.Max(1, x)) - MinLog) / Width, 0, Bins - 1);
        _bins[bin].Add(1, now, halfLife);
        _total.Add(1, now, halfLife);
    }

    public double Total(DateTimeOffset now, TimeSpan halfLife) => _total.ValueAt(now, halfLife);

    public double UpperTail(double x, double bandwidth, double parentTail, double concentration, DateTimeOffset now, TimeSpan halfLife)
    {
        double lx = Math.Log(Math.Max(1, x)), mass = 0;
        for (int b = 0; b < Bins; b++)
        {
            double n = _bins[b].ValueAt(now, halfLife);
            if (n > 0) mass += n * PValues.NormalUpperTail((lx - (MinLog + (b + 0.5) * Width)) / bandwidth);
        }
        return Math.Min(1, (mass + concentration * parentTail) / (Total(now, halfLife) + concentration));
    }

    public SnapshotRow ToRow(string key)
    {
        var values = new double[Bins + 1];
        var times = new long[Bins + 1];
        for (int b = 0; b < Bins; b++) (values[b], times[b]) = (_bins[b].RawValue, _bins[b].RawTicks);
        (values[Bins], times[Bins]) = (_total.RawValue, _total.RawTicks);
        return new SnapshotRow(key, values, times);
    }

    public static LogHistogram FromRow(SnapshotRow row)
    {
        var h = new LogHistogram();
        for (int b = 0; b < Bins; b++) h._bins[b] = DecayedCount.FromRaw(row.Value(b), row.Time(b));
        h._total = DecayedCount.FromRaw(row.Value(Bins), row.Time(Bins));
        return h;
    }
}
