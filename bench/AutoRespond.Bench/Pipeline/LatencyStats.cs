using System.Globalization;

namespace AutoRespond.Bench.Pipeline;

/// <summary>Percentiles of latency samples in milliseconds, printed as one key=value line.</summary>
internal static class LatencyStats
{
    public static string Line(string mode, IReadOnlyList<double> samplesMs, int missed, string extra = "")
    {
        if (samplesMs.Count == 0)
            return $"mode={mode} samples=0 missed={missed}";
        var sorted = samplesMs.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"mode={mode} samples={sorted.Length} missed={missed} p50_ms={At(sorted, 0.50):0.000} p90_ms={At(sorted, 0.90):0.000} "
            + $"p99_ms={At(sorted, 0.99):0.000} max_ms={sorted[^1]:0.000} mean_ms={sorted.Average():0.000}{extra}");
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double At(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
