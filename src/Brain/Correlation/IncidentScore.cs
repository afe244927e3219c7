using AutoRespond.Contracts;

namespace AutoRespond.Brain.Correlation;

/// <summary>
/// DETECTION.md §3.4. Per stage take the strongest breach (repeats of one behaviour do not pile up);
/// S = 1 − Π(1 − s_k) (noisy-OR across behaviours); L = number of distinct stages along the longest
/// time-ordered non-decreasing run (1..6); I = 1 − (1 − S)^(1 + 0.5·(L − 1)). A program transfer or critical ICS command from an IT-zone
/// device lifts I to at least 0.95.
/// </summary>
public static class IncidentScore
{
    public const double CriticalOverride = 0.95;

    public static double Compute(IReadOnlyList<Breach> breaches, Func<Breach, bool> isCriticalFromIt)
    {
        if (breaches.Count == 0) return 0;
        var perStage = new Dictionary<int, double>();
        foreach (var b in breaches)
        {
            int stage = ModelCatalog.Get(b.Model).Stage;
            perStage[stage] = Math.Max(perStage.GetValueOrDefault(stage), b.Score);
        }
        double miss = 1;
        foreach (double s in perStage.Values) miss *= 1 - s;
        double combined = 1 - miss;
        int progression = Progression(breaches);
        double score = 1 - Math.Pow(1 - combined, 1 + 0.5 * (progression - 1));
        if (breaches.Any(isCriticalFromIt)) score = Math.Max(score, CriticalOverride);
        return Math.Clamp(Math.Round(score, 4), 0, 1);
    }

    /// <summary>Distinct stages along the longest time-ordered subsequence whose stages never decrease (1..6).</summary>
    public static int Progression(IReadOnlyList<Breach> breaches)
    {
        var stages = breaches.OrderBy(b => b.Time).Select(b => ModelCatalog.Get(b.Model).Stage).ToArray();
        var best = new int[stages.Length];
        int longest = 0;
        for (int i = 0; i < stages.Length; i++)
        {
            best[i] = 1;
            for (int j = 0; j < i; j++)
                if (stages[j] < stages[i] && best[j] + 1 > best[i]) best[i] = best[j] + 1;
            longest = Math.Max(longest, best[i]);
        }
        return longest;
    }
}
