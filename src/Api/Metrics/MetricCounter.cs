namespace AutoRespond.Api.Metrics;

/// <summary>A monotonically increasing counter.</summary>
internal sealed class MetricCounter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}
