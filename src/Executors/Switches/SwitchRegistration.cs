using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Switches.Arista;
using AutoRespond.Executors.Switches.IosXe;
using AutoRespond.Responders.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors.Switches;

/// <summary>Registers the executors of iosxe, arista (switch-quarantine) for the configured integrations.</summary>
public static class SwitchRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(integrations);
        if (integrations.IosXe is { } iosXe && Credentials(setup, IosXeExecutor.Integration, iosXe) is { } iosXeAuth)
        {
            setup.AddTargetClient<IIosXeApi>(IosXeExecutor.Integration, IosXeJsonContext.Default, iosXe.Url, iosXeAuth);
            setup.Services.AddSingleton<IActionExecutor>(sp => new IosXeExecutor(sp.GetRequiredService<IIosXeApi>, iosXe,
                RefitTargets.Logger<IosXeExecutor>(sp), RefitTargets.Time(sp)));
            setup.Registering(ActionKinds.SwitchQuarantine, IosXeExecutor.Integration);
        }
        if (integrations.Arista is { } arista && Credentials(setup, AristaExecutor.Integration, arista) is { } aristaAuth)
        {
            setup.AddTargetClient<IAristaApi>(AristaExecutor.Integration, AristaJsonContext.Default, arista.Url, aristaAuth);
            setup.Services.AddSingleton<IActionExecutor>(sp => new AristaExecutor(sp.GetRequiredService<IAristaApi>, arista,
                RefitTargets.Logger<AristaExecutor>(sp), RefitTargets.Time(sp)));
            setup.Registering(ActionKinds.SwitchQuarantine, AristaExecutor.Integration);
        }
    }

    private static System.Net.Http.Headers.AuthenticationHeaderValue? Credentials(ExecutorSetup setup, string integration, SwitchConfig config)
    {
        string? user = setup.RequireSecret(integration, config.UsernameEnv);
        string? password = setup.RequireSecret(integration, config.PasswordEnv);
        return user is null || password is null ? null : RefitTargets.Basic(user, password);
    }
}
