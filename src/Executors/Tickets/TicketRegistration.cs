using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Executors.Tickets.Jira;
using AutoRespond.Executors.Tickets.PagerDuty;
using AutoRespond.Executors.Tickets.ServiceNow;
using AutoRespond.Executors.Tickets.Webhooks;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Executors.Tickets;

/// <summary>Registers the executors of servicenow, jira, pagerduty, webhooks (ticket) for the configured integrations.</summary>
public static class TicketRegistration
{
    /// <summary>Length of a PagerDuty integration (routing) key.</summary>
    public const int RoutingKeyLength = 32;

    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations) =>
        Register(setup, integrations, WebhookPayloadFormat.Standard);

    /// <summary>Each configured target gets its own client (own breaker) with <see cref="TargetResilience"/>; a missing secret is a start-up problem.</summary>
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations, WebhookPayloadFormat webhookFormat)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(integrations);
        setup.Services.TryAddSingleton<ITicketActionSource>(sp => new ActiveIndexTicketActionSource(sp.GetService<ActiveActionIndex>()));
        if (integrations.ServiceNow is { } serviceNow)
            RegisterServiceNow(setup, serviceNow);
        if (integrations.Jira is { } jira)
            RegisterJira(setup, jira);
        if (integrations.PagerDuty is { } pagerDuty)
            RegisterPagerDuty(setup, pagerDuty);
        for (int i = 0; i < integrations.Webhooks.Count; i++)
            RegisterWebhook(setup, integrations.Webhooks[i], i, webhookFormat);
    }

    private static void RegisterServiceNow(ExecutorSetup setup, ServiceNowConfig config)
    {
        string? user = setup.RequireSecret(ServiceNowTicketExecutor.Integration, config.UsernameEnv);
        string? password = setup.RequireSecret(ServiceNowTicketExecutor.Integration, config.PasswordEnv);
        if (user is null || password is null)
            return;
        setup.AddTargetClient<IServiceNowTableApi>(ServiceNowTicketExecutor.Integration, ServiceNowJsonContext.Default, config.Url,
            RefitTargets.Basic(user, password));
        setup.Services.AddSingleton<IActionExecutor>(sp => new ServiceNowTicketExecutor(sp.GetRequiredService<IServiceNowTableApi>,
            sp.GetRequiredService<ITicketActionSource>(), RefitTargets.Logger<ServiceNowTicketExecutor>(sp)));
        setup.Registering(ActionKinds.Ticket, ServiceNowTicketExecutor.Integration);
    }

    private static void RegisterJira(ExecutorSetup setup, JiraConfig config)
    {
        string? email = setup.RequireSecret(JiraTicketExecutor.Integration, config.EmailEnv);
        string? token = setup.RequireSecret(JiraTicketExecutor.Integration, config.TokenEnv);
        if (string.IsNullOrWhiteSpace(config.Project) || !config.Project.All(char.IsAsciiLetterOrDigit))
        {
            setup.Problem(JiraTicketExecutor.Integration, "project must be a Jira project key (letters and digits, e.g. SEC)");
            return;
        }
        if (email is null || token is null)
            return;
        setup.AddTargetClient<IJiraApi>(JiraTicketExecutor.Integration, JiraJsonContext.Default, config.Url, RefitTargets.Basic(email, token));
        setup.Services.AddSingleton<IActionExecutor>(sp => new JiraTicketExecutor(sp.GetRequiredService<IJiraApi>, config,
            sp.GetRequiredService<ITicketActionSource>(), RefitTargets.Logger<JiraTicketExecutor>(sp)));
        setup.Registering(ActionKinds.Ticket, JiraTicketExecutor.Integration);
    }

    private static void RegisterPagerDuty(ExecutorSetup setup, PagerDutyConfig config)
    {
        if (setup.RequireSecret(PagerDutyTicketExecutor.Integration, config.RoutingKeyEnv) is not { } routingKey)
            return;
        if (routingKey.Length != RoutingKeyLength)
        {
            setup.Problem(PagerDutyTicketExecutor.Integration,
                $"the routing key in {config.RoutingKeyEnv} is {routingKey.Length} characters long; PagerDuty integration keys have {RoutingKeyLength}");
            return;
        }
        setup.AddTargetClient<IPagerDutyEventsApi>(PagerDutyTicketExecutor.Integration, PagerDutyJsonContext.Default, config.Url, null);
        setup.Services.AddSingleton<IActionExecutor>(sp => new PagerDutyTicketExecutor(sp.GetRequiredService<IPagerDutyEventsApi>, routingKey,
            sp.GetRequiredService<ITicketActionSource>(), RefitTargets.Logger<PagerDutyTicketExecutor>(sp)));
        setup.Registering(ActionKinds.Ticket, PagerDutyTicketExecutor.Integration);
    }

    private static void RegisterWebhook(ExecutorSetup setup, WebhookConfig config, int index, WebhookPayloadFormat format)
    {
        string name = $"webhooks[{index}]";
        byte[]? key = null;
        if (config.SecretEnv is { } variable)
        {
            if (setup.RequireSecret(name, variable) is not { } secret)
                return;
            try
            {
                key = StandardWebhookSigner.KeyFromSecret(secret);
            }
            catch (FormatException e)
            {
                setup.Problem(name, $"{variable}: {e.Message}");
                return;
            }
        }
        string client = "autorespond-webhook-" + index;
        // Every delivery carries a stable webhook-id (the receiver's idempotency key): all may be retried.
        setup.Services.AddHttpClient(client, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddTargetResilience(setup.Options, allCallsIdempotent: true)
            .AddHttpMessageHandler(sp => new WebhookSigningHandler(key, RefitTargets.Time(sp)));
        setup.Services.AddSingleton<IActionExecutor>(sp => new WebhookTicketExecutor(name,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(client), config.Url, format,
            sp.GetRequiredService<ITicketActionSource>(), RefitTargets.Time(sp), RefitTargets.Logger<WebhookTicketExecutor>(sp)));
        setup.Registering(ActionKinds.Ticket, name);
    }
}
