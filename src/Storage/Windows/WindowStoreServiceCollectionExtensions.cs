using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Storage;

public static class WindowStoreServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IWindowStore"/> over the storage of <c>AddAutoRespondStorage</c> (call that too).</summary>
    public static IServiceCollection AddWindowStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IWindowStore, EfWindowStore>();
        return services;
    }
}
