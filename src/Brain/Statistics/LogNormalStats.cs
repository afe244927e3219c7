using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Decayed moments of ln(x) (weight, Σ ln x, Σ ln² x): a log-normal baseline of volumes such as bytes per
/// active hour, with a predictive that shrinks towards a parent baseline.
/// </summary>
public struct LogNormalStats
{
    public DecayedCount Weight;
    public DecayedCount Sum;
    public DecayedCount SumSquares;

    public void Add(double x, DateTimeOffset now, TimeSpan halfLife)
    {
        double l = Math.Log(Math.Max(1, x));
        Weight.Add(1, now, halfLife);
        Sum.Add(l, now, halfLife);
        SumSquares.Add(l * l, now, halfLife);
    }

    public readonly (double Weight, double Mean, double Variance) Moments(DateTimeOffset now, TimeSpan halfLife)
    {
        double w = Weight.ValueAt(now, halfLife);
        if (w < 1e-9) return (0, 0, 0);
        double mean = Sum.ValueAt(now, halfLife) / w;
        return (w, mean, Math.Max(0, SumSquares.ValueAt(now, halfLife) / w - mean * mean));
    }

    /// <summary>
    /// Mean and predictive standard deviation of ln x after shrinking (w, μ, σ²) towards a parent
    /// (μ₀, σ₀²) worth <paramref name="priorWeight"/> observations; σ never below <paramref name="minSigma"/>.
    /// </summary>
    public static (double Mean, double Sigma) Predictive((double Weight, double Mean, double Variance) own,
        double parentMean, double parentVariance, double priorWeight, double minSigma)
    {
        var (mean, variance) = Shrink(own, parentMean, parentVariance, priorWeight);
        double sigma = Math.Max(minSigma, Math.Sqrt(variance));
        return (mean, sigma * Math.Sqrt(1 + 1 / (own.Weight + priorWeight)));
    }

    /// <summary>Moments of own data pooled with a parent worth <paramref name="priorWeight"/> observations.</summary>
    public static (double Mean, double Variance) Shrink((double Weight, double Mean, double Variance) own,
        double parentMean, double parentVariance, double priorWeight)
    {
        double w = own.Weight + priorWeight;
        double mean = (own.Weight * own.Mean + priorWeight * parentMean) / w;
        double second = (own.Weight * (own.Variance + own.Mean * own.Mean)
            + priorWeight * (parentVariance + parentMean * parentMean)) / w;
        return (mean, Math.Max(0, second - mean * mean));
    }

    public readonly SnapshotRow ToRow(string key, double extraValue = 0, long extraTime = 0) =>
        new(key, [Weight.RawValue, Sum.RawValue, SumSquares.RawValue, extraValue],
            [Weight.RawTicks, Sum.RawTicks, SumSquares.RawTicks, extraTime]);

    public static LogNormalStats FromRow(SnapshotRow row) => new()
    {
        Weight = DecayedCount.FromRaw(row.Value(0), row.Time(0)),
        Sum = DecayedCount.FromRaw(row.Value(1), row.Time(1)),
        SumSquares = DecayedCount.FromRaw(row.Value(2), row.Time(2)),
    };
}
