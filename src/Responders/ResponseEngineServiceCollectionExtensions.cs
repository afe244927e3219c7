using AutoRespond.Configuration;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Responders;

public static class ResponseEngineServiceCollectionExtensions
{
    /// <summary>
    /// The response engine for a config: ladder, the four gates in their fixed order, the in-process
    /// dispatcher over every registered <see cref="IActionExecutor"/>, and the ledger (the durable one when
    /// storage is registered, else in memory). Observers and recorders registered before this call win.
    /// </summary>
    public static IServiceCollection AddResponseEngine(this IServiceCollection services, AutoRespondConfig config)
    {
        services.TryAddSingleton<ActiveActionIndex>();
        services.TryAddSingleton(sp => new LadderPlanner(config.Response, config.Network));
        services.TryAddSingleton(sp => ResponseGates.For(config, sp.GetRequiredService<ActiveActionIndex>()));
        services.TryAddSingleton<IActionDispatcher>(sp => new InProcessDispatcher(sp.GetServices<IActionExecutor>()));
        services.TryAddSingleton<IActionRecorder>(sp => sp.GetService<IActionLedger>() is { } ledger
            ? new LedgerActionRecorder(ledger)
            : new InMemoryActionRecorder());
        services.TryAddSingleton<IResponseObserver, LoggingResponseObserver>();
        services.TryAddSingleton(sp => new ResponseEngine(config.Response, sp.GetRequiredService<LadderPlanner>(),
            sp.GetRequiredService<IReadOnlyList<IResponseGate>>(), sp.GetRequiredService<ActiveActionIndex>(),
            sp.GetRequiredService<IActionDispatcher>(), sp.GetRequiredService<IActionRecorder>(),
            sp.GetRequiredService<IResponseObserver>()));
        return services;
    }
}
