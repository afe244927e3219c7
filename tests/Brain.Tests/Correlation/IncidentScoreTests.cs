using AutoRespond.Brain.Correlation;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Correlation;

public sealed class IncidentScoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_SingleBreach_IsItsScore() =>
        IncidentScore.Compute([B(ModelIds.MultipleFailedInternalConnections, 0.7, 0)], _ => false).ShouldBe(0.7, 1e-4);

    [Fact]
    public void Compute_RepeatsOfOneBehaviour_DoNotPileUp() =>
        IncidentScore.Compute([
            B(ModelIds.MultipleFailedInternalConnections, 0.6, 0),
            B(ModelIds.MultipleFailedInternalConnections, 0.6, 1),
            B(ModelIds.MultipleFailedInternalConnections, 0.6, 2),
        ], _ => false).ShouldBe(0.6, 1e-4);

    [Fact]
    public void Compute_KillChainProgression_RaisesScore()
    {
        // Noisy-OR of 0.6 and 0.6 is 0.84; two stages in order give exponent 1.5: 1 − 0.16^1.5 = 0.936.
        var inOrder = IncidentScore.Compute([
            B(ModelIds.UnusualAdminRdp, 0.6, 0),
            B(ModelIds.MultipleFailedInternalConnections, 0.6, 1),
        ], _ => false);
        inOrder.ShouldBe(1 - Math.Pow(0.16, 1.5), 1e-4);
        var reversed = IncidentScore.Compute([
            B(ModelIds.MultipleFailedInternalConnections, 0.6, 0),
            B(ModelIds.UnusualAdminRdp, 0.6, 1),
        ], _ => false);
        reversed.ShouldBe(0.84, 1e-4);
    }

    [Fact]
    public void Compute_CriticalFromIt_IsAtLeastOverride() =>
        IncidentScore.Compute([B(ModelIds.UncommonIcsReprogram, 0.55, 0)], _ => true).ShouldBe(IncidentScore.CriticalOverride);

    [Fact]
    public void Progression_CountsDistinctStagesInOrder() =>
        IncidentScore.Progression([
            B(ModelIds.NewDeviceUnusualActivity, 0.9, 0), B(ModelIds.UnusualAdminRdp, 0.9, 1),
            B(ModelIds.MultipleFailedInternalConnections, 0.9, 2), B(ModelIds.MultipleFailedInternalConnections, 0.9, 3),
            B(ModelIds.SslNoSniNewExternal, 0.9, 4), B(ModelIds.NewIcsActionCommands, 0.9, 5), B(ModelIds.UncommonIcsReprogram, 0.9, 6),
        ]).ShouldBe(6);

    private static Breach B(string model, double score, int minute) =>
        new($"b{minute}", model, T0.AddMinutes(minute), new DeviceRef("10.0.0.1"), score, "", new Dictionary<string, object>(), []);
}
