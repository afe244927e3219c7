using AutoRespond.Configuration;
using AutoRespond.Responders.Engine;

namespace AutoRespond.Responders.Gates;

public static class ResponseGates
{
    /// <summary>The gates in their fixed order: protected assets → change windows → blast-radius limits → duplicates.</summary>
    public static IReadOnlyList<IResponseGate> For(AutoRespondConfig config, ActiveActionIndex index) =>
    [
        new ProtectedAssetGate(config.Network),
        new ChangeWindowGate(config.Windows, config.Network),
        new BlastRadiusGate(config.Response.Limits, index),
        new DuplicateActionGate(index),
    ];
}
