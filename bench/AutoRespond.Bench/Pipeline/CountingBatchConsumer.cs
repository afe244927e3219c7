using AutoRespond.Contracts;
using MassTransit;

namespace AutoRespond.Bench.Pipeline;

/// <summary>The transport-only brain: deserialises the batch (as the brain does) and counts it.</summary>
internal sealed class CountingBatchConsumer(BatchCounter counter) : IConsumer<NetworkEventBatch>
{
    public Task Consume(ConsumeContext<NetworkEventBatch> context)
    {
        counter.Add(context.Message);
        return Task.CompletedTask;
    }
}
