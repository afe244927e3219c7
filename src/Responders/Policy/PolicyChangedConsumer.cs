using AutoRespond.Contracts;
using MassTransit;

namespace AutoRespond.Responders.Policy;

/// <summary>
/// Hot reload: loads the announced version from the policy store and puts it in force. An invalid version is
/// rejected (logged; the policy in force stays) and not retried; an older or repeated version changes nothing.
/// A version the store does not have throws, so the bus retries it and finally dead-letters the message.
/// </summary>
public sealed class PolicyChangedConsumer(PolicyLoader loader) : IConsumer<PolicyChanged>
{
    public async Task Consume(ConsumeContext<PolicyChanged> context)
    {
        var result = await loader.LoadAsync(context.Message.Version, context.CancellationToken);
        if (result.Status == PolicyLoadStatus.NotFound)
            throw new InvalidOperationException($"PolicyChanged names version {context.Message.Version}, which the policy store does not have");
    }
}

/// <summary>One policy change at a time, so versions are applied in the order they arrive.</summary>
public sealed class PolicyChangedConsumerDefinition : ConsumerDefinition<PolicyChangedConsumer>
{
    public PolicyChangedConsumerDefinition() => ConcurrentMessageLimit = 1;
}
