using AutoRespond.Contracts;

namespace AutoRespond.Api;

/// <summary>
/// Tells the other roles that the API changed what they hold: <see cref="PolicyChanged"/> and <see cref="WindowChanged"/>.
/// The host implements it over the bus; the engine reloads on either message.
/// </summary>
public interface IApiChangePublisher
{
    Task PublishAsync(PolicyChanged change, CancellationToken cancellationToken);

    Task PublishAsync(WindowChanged change, CancellationToken cancellationToken);
}
