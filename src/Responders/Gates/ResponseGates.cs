using AutoRespond.Configuration;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Policy;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Responders.Gates;

public static class ResponseGates
{
    /// <summary>
    /// The gates in their fixed order: protected assets → OT safety → change windows → blast-radius limits →
    /// duplicates. The first that denies decides; a hold (confirm window) still passes the later gates.
    /// </summary>
    public static IReadOnlyList<IResponseGate> For(AutoRespondConfig config, ActiveActionIndex index) =>
        For(config, index, new ChangeWindowEvaluator(config.Windows, config.Network));

    public static IReadOnlyList<IResponseGate> For(AutoRespondConfig config, ActiveActionIndex index, ChangeWindowEvaluator windows) =>
        For(config, index, windows, new PolicyProvider(config.Response));

    /// <summary>The gates with the limits read from <paramref name="policy"/> (hot-reloaded policies).</summary>
    public static IReadOnlyList<IResponseGate> For(AutoRespondConfig config, ActiveActionIndex index, ChangeWindowEvaluator windows,
        PolicyProvider policy) =>
    [
        new ProtectedAssetGate(config.Network),
        new OtSafetyGate(),
        new ChangeWindowGate(windows, config.Integrations.Users),
        new BlastRadiusGate(policy, index),
        new DuplicateActionGate(index),
    ];
}
