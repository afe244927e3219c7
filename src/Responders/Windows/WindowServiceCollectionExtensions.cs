using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Responders.Windows;

public static class WindowServiceCollectionExtensions
{
    /// <summary>
    /// Stored change windows for the engine: <see cref="WindowLoader"/> over <c>IWindowStore</c> (register storage and
    /// <c>AddWindowStore</c>) and the engine's <see cref="ChangeWindowEvaluator"/>. Add <see cref="WindowChangedConsumer"/>
    /// to the bus and call <see cref="WindowLoader.ReloadAsync"/> once at start-up.
    /// </summary>
    public static IServiceCollection AddStoredWindows(this IServiceCollection services)
    {
        services.TryAddSingleton<WindowLoader>();
        return services;
    }
}
