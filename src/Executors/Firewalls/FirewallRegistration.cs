using System.Net.Http.Headers;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Firewalls.FortiOs;
using AutoRespond.Executors.Firewalls.OpnSense;
using AutoRespond.Executors.Firewalls.PanOs;
using AutoRespond.Executors.Nftables;
using AutoRespond.Responders.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors.Firewalls;

/// <summary>Registers the executors of fortios, panos, opnsense, nftables (firewall-block) for the configured integrations.</summary>
public static class FirewallRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(integrations);
        if (integrations.FortiOs is { } fortiOs)
            RegisterFortiOs(setup, fortiOs);
        if (integrations.PanOs is { } panOs)
            RegisterPanOs(setup, panOs);
        if (integrations.OpnSense is { } opnSense)
            RegisterOpnSense(setup, opnSense);
        if (integrations.Nftables is { } nftables)
            RegisterNftables(setup, nftables);
    }

    private static void RegisterFortiOs(ExecutorSetup setup, FortiOsConfig config)
    {
        if (setup.RequireSecret(FortiOsExecutor.Integration, config.TokenEnv) is not { } token)
            return;
        setup.AddTargetClient<IFortiOsApi>(FortiOsExecutor.Integration, FortiOsJsonContext.Default, config.Url,
            new AuthenticationHeaderValue("Bearer", token));
        setup.Services.AddSingleton<IActionExecutor>(sp => new FortiOsExecutor(sp.GetRequiredService<IFortiOsApi>, config,
            RefitTargets.Logger<FortiOsExecutor>(sp), RefitTargets.Time(sp)));
        setup.Registering(ActionKinds.FirewallBlock, FortiOsExecutor.Integration);
    }

    private static void RegisterPanOs(ExecutorSetup setup, PanOsConfig config)
    {
        if (setup.RequireSecret(PanOsExecutor.Integration, config.KeyEnv) is not { } key)
            return;
        setup.AddTargetClient<IPanOsApi>(PanOsExecutor.Integration, PanOsJsonContext.Default, config.Url, null,
            client => client.DefaultRequestHeaders.Add("X-PAN-KEY", key));
        setup.Services.AddSingleton<IActionExecutor>(sp => new PanOsExecutor(sp.GetRequiredService<IPanOsApi>, config,
            RefitTargets.Logger<PanOsExecutor>(sp), RefitTargets.Time(sp)));
        setup.Registering(ActionKinds.FirewallBlock, PanOsExecutor.Integration);
    }

    private static void RegisterOpnSense(ExecutorSetup setup, OpnSenseConfig config)
    {
        string? key = setup.RequireSecret(OpnSenseExecutor.Integration, config.KeyEnv);
        string? secret = setup.RequireSecret(OpnSenseExecutor.Integration, config.SecretEnv);
        if (key is null || secret is null)
            return;
        setup.AddTargetClient<IOpnSenseApi>(OpnSenseExecutor.Integration, OpnSenseJsonContext.Default, config.Url,
            RefitTargets.Basic(key, secret));
        setup.Services.AddSingleton<IActionExecutor>(sp => new OpnSenseExecutor(sp.GetRequiredService<IOpnSenseApi>, config,
            RefitTargets.Logger<OpnSenseExecutor>(sp), RefitTargets.Time(sp)));
        setup.Registering(ActionKinds.FirewallBlock, OpnSenseExecutor.Integration);
    }

    private static void RegisterNftables(ExecutorSetup setup, NftablesConfig config)
    {
        if (NftProcess.FindNft() is null)
            setup.Problem(NftablesExecutor.Integration, "nft is not installed (Debian package nftables)");
        if (config.Netns is not null && NftProcess.FindIp() is null)
            setup.Problem(NftablesExecutor.Integration, $"netns {config.Netns} needs ip (Debian package iproute2), which is not installed");
        var nft = new NftProcess(config.Netns, setup.Options.AttemptTimeout);
        setup.Services.AddSingleton<IActionExecutor>(sp => new NftablesExecutor(config, nft,
            RefitTargets.Logger<NftablesExecutor>(sp), RefitTargets.Time(sp)));
        setup.Registering(ActionKinds.FirewallBlock, NftablesExecutor.Integration);
    }
}
