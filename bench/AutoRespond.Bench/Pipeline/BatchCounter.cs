using AutoRespond.Contracts;

namespace AutoRespond.Bench.Pipeline;

/// <summary>Counts the batches and events consumed and completes when the expected number of batches arrived.</summary>
internal sealed class BatchCounter(long expectedBatches)
{
    private long _batches;
    private long _events;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Events => Interlocked.Read(ref _events);

    public void Add(NetworkEventBatch batch)
    {
        Interlocked.Add(ref _events, batch.Events.Count);
        if (Interlocked.Increment(ref _batches) >= expectedBatches)
            Done.TrySetResult();
    }
}
