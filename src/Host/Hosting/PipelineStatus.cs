using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoRespond.Host.Hosting;

/// <summary>
/// How far the pipeline of <c>run</c> is: replaying (degraded: the API serves, data is still arriving), done, or failed.
/// Reported by <c>/health/ready</c> as the <c>pipeline</c> check.
/// </summary>
public sealed class PipelineStatus(bool willReplay) : IHealthCheck
{
    private volatile string _text = willReplay ? "replay pending" : "no capture source";
    private volatile bool _replaying = willReplay;
    private volatile bool _failed;

    public void Replaying(long packets)
    {
        _replaying = true;
        _text = $"replaying: {packets} packets";
    }

    public void Done(string text)
    {
        _replaying = false;
        _text = text;
    }

    public void Failed(string text)
    {
        _failed = true;
        _replaying = false;
        _text = text;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_failed ? HealthCheckResult.Unhealthy(_text)
            : _replaying ? HealthCheckResult.Degraded(_text)
            : HealthCheckResult.Healthy(_text));
}
