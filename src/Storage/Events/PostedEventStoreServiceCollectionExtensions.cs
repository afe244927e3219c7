using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Storage;

public static class PostedEventStoreServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPostedEventStore"/> over the storage of <c>AddAutoRespondStorage</c> (call that too).</summary>
    public static IServiceCollection AddPostedEventStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPostedEventStore, EfPostedEventStore>();
        return services;
    }
}
