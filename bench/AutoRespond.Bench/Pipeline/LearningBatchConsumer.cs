using AutoRespond.Contracts;
using MassTransit;

namespace AutoRespond.Bench.Pipeline;

/// <summary>The brain role's consumer (learning), then the count.</summary>
internal sealed class LearningBatchConsumer(AutoRespond.Host.Roles.NetworkEventBatchConsumer brain, BatchCounter counter) : IConsumer<NetworkEventBatch>
{
    public async Task Consume(ConsumeContext<NetworkEventBatch> context)
    {
        await brain.Consume(context);
        counter.Add(context.Message);
    }
}
