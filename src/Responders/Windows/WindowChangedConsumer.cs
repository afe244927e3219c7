using AutoRespond.Contracts;
using MassTransit;

namespace AutoRespond.Responders.Windows;

/// <summary>
/// Hot reload of change windows: any <see cref="WindowChanged"/> reloads the whole stored set (idempotent, so a
/// redelivered or reordered message does no harm).
/// </summary>
public sealed class WindowChangedConsumer(WindowLoader loader) : IConsumer<WindowChanged>
{
    public Task Consume(ConsumeContext<WindowChanged> context) => loader.ReloadAsync(context.CancellationToken);
}
