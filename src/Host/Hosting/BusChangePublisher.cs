using AutoRespond.Api;
using AutoRespond.Contracts;
using MassTransit;

namespace AutoRespond.Host.Hosting;

/// <summary>Announces API changes on the bus; every role's consumer reloads (the engine in this process too).</summary>
internal sealed class BusChangePublisher(IBus bus) : IApiChangePublisher
{
    public Task PublishAsync(PolicyChanged change, CancellationToken cancellationToken) => bus.Publish(change, cancellationToken);

    public Task PublishAsync(WindowChanged change, CancellationToken cancellationToken) => bus.Publish(change, cancellationToken);
}
