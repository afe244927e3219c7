using AutoRespond.Configuration;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Expiry;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Policy;
using AutoRespond.Responders.Windows;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders;

public static class ResponseEngineServiceCollectionExtensions
{
    /// <summary>
    /// The response engine for a config: ladder, the gates in their fixed order, change windows, repeat-offender
    /// history (escalation off unless <see cref="EscalationOptions"/> is registered first), the in-process
    /// dispatcher over every registered <see cref="IActionExecutor"/>, and the ledger (the durable one when
    /// storage is registered, else in memory). With storage, also <see cref="ConfirmationService"/> and
    /// <see cref="ActionReverter"/>, and <see cref="PolicyLoader"/> (hot reload from <see cref="IPolicyStore"/>;
    /// add <see cref="PolicyChangedConsumer"/> to the bus). The policy in force is held by <see cref="PolicyProvider"/>
    /// (initially the file's, version 0). Anything registered before this call wins; the clock is
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered first.
    /// </summary>
    public static IServiceCollection AddResponseEngine(this IServiceCollection services, AutoRespondConfig config)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActiveActionIndex>();
        services.TryAddSingleton(EscalationOptions.Off);
        services.TryAddSingleton(new ExpiryOptions());
        services.TryAddSingleton(new ConfirmationOptions());
        services.TryAddSingleton(sp => new OffenderHistory(sp.GetRequiredService<EscalationOptions>()));
        services.TryAddSingleton(sp => new ChangeWindowEvaluator(config.Windows, config.Network));
        services.TryAddSingleton(sp => new PolicyProvider(config.Response));
        services.TryAddSingleton(sp => new PolicyLoader(sp.GetRequiredService<IPolicyStore>(),
            sp.GetRequiredService<PolicyProvider>(), config, sp.GetRequiredService<EscalationOptions>(),
            sp.GetRequiredService<ILogger<PolicyLoader>>()));
        services.TryAddSingleton(sp => new LadderPlanner(sp.GetRequiredService<PolicyProvider>(), config.Network,
            config.Integrations.Users));
        services.TryAddSingleton(sp => ResponseGates.For(config, sp.GetRequiredService<ActiveActionIndex>(),
            sp.GetRequiredService<ChangeWindowEvaluator>(), sp.GetRequiredService<PolicyProvider>()));
        services.TryAddSingleton<IActionDispatcher>(sp => new InProcessDispatcher(sp.GetServices<IActionExecutor>()));
        services.TryAddSingleton<IActionRecorder>(sp => sp.GetService<IActionLedger>() is { } ledger
            ? new LedgerActionRecorder(ledger)
            : new InMemoryActionRecorder());
        services.TryAddSingleton<IResponseObserver, LoggingResponseObserver>();
        services.TryAddSingleton(sp => new ResponseEngine(sp.GetRequiredService<PolicyProvider>(), sp.GetRequiredService<LadderPlanner>(),
            sp.GetRequiredService<IReadOnlyList<IResponseGate>>(), sp.GetRequiredService<ActiveActionIndex>(),
            sp.GetRequiredService<IActionDispatcher>(), sp.GetRequiredService<IActionRecorder>(),
            sp.GetRequiredService<IResponseObserver>(), sp.GetRequiredService<OffenderHistory>()));
        services.TryAddSingleton(sp => new ActionReverter(sp.GetRequiredService<IActionLedger>(),
            sp.GetRequiredService<IActionDispatcher>(), sp.GetRequiredService<ActiveActionIndex>(),
            sp.GetRequiredService<ILogger<ActionReverter>>()));
        services.TryAddSingleton(sp => new ConfirmationService(sp.GetRequiredService<IActionLedger>(),
            sp.GetRequiredService<IActionDispatcher>(), sp.GetRequiredService<ActiveActionIndex>(),
            sp.GetRequiredService<ActionReverter>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ConfirmationOptions>(), sp.GetRequiredService<PolicyProvider>(),
            sp.GetRequiredService<ILogger<ConfirmationService>>(), sp.GetRequiredService<OffenderHistory>()));
        return services;
    }

    /// <summary>
    /// The engine's background services, for hosts with a durable ledger (<c>run</c>, <c>responder</c>):
    /// <see cref="ActionExpiryService"/> (expiry from the ledger) and <see cref="ConfirmationTimeoutService"/>
    /// (the approval-timeout fail-safe). Call after <see cref="AddResponseEngine"/> and storage.
    /// </summary>
    public static IServiceCollection AddResponseBackgroundServices(this IServiceCollection services)
    {
        services.AddHostedService(sp => new ActionExpiryService(sp.GetRequiredService<IActionLedger>(),
            sp.GetRequiredService<ActionReverter>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ExpiryOptions>(), sp.GetRequiredService<ILogger<ActionExpiryService>>()));
        services.AddHostedService(sp => new ConfirmationTimeoutService(sp.GetRequiredService<ConfirmationService>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ConfirmationOptions>(),
            sp.GetRequiredService<ILogger<ConfirmationTimeoutService>>()));
        return services;
    }
}
