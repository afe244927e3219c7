using AutoRespond.Contracts;

namespace AutoRespond.Brain.Correlation;

/// <summary>Kill-chain stage (DETECTION.md §3.3) and ATT&amp;CK ids (§5) of each model.</summary>
public sealed record ModelInfo(string Model, int Stage, string Behaviour, IReadOnlyList<string> Attack);

public static class ModelCatalog
{
    public const int Presence = 0, LateralMovement = 1, Discovery = 2, CommandAndControl = 3, ImpairControl = 4, Impact = 5;

    private static readonly Dictionary<string, ModelInfo> Models = new ModelInfo[]
    {
        new(ModelIds.NewDeviceUnusualActivity, Presence, "new device behaving unusually", ["T0864", "T1200"]),
        new(ModelIds.UnusualAdminRdp, LateralMovement, "unusual admin RDP session", ["T0886", "T0859", "T1021.001", "T1078"]),
        new(ModelIds.ItToIcsConnection, LateralMovement, "IT device connecting to ICS", ["T0886", "T0846"]),
        new(ModelIds.MultipleFailedInternalConnections, Discovery, "scanning internal hosts", ["T0846", "T1046", "T1018"]),
        new(ModelIds.FailedConnectionsToIcsDevice, Discovery, "failed connections to ICS devices", ["T0846", "T0888", "T1046"]),
        new(ModelIds.NewIcsDiscoverCommands, Discovery, "new ICS discovery commands", ["T0888", "T0846", "T0861", "T0868"]),
        new(ModelIds.UnusualIcsConnectivity, Discovery, "unusual ICS connectivity", ["T0886", "T0846", "T0848", "T0869"]),
        new(ModelIds.SslNoSniNewExternal, CommandAndControl, "TLS without SNI to a new external host", ["T0869", "T0885", "T1573.002", "T1071.001"]),
        new(ModelIds.RareExternalSelfSigned, CommandAndControl, "rare external host with a self-signed certificate", ["T0869", "T1573.002", "T1587.003", "T1588.004", "T1071.001"]),
        new(ModelIds.UnusualDataTransfer, CommandAndControl, "unusual data transfer", ["T0882", "T1041", "T1048"]),
        new(ModelIds.ShadowAiUsage, CommandAndControl, "use of an unsanctioned AI service", ["T1567", "T1102"]),
        new(ModelIds.AiDataUpload, CommandAndControl, "unusual upload to an AI service", ["T1567", "T1048", "T0882"]),
        new(ModelIds.McpActivity, CommandAndControl, "MCP agent activity", ["T1071.001", "T1102", "T0869"]),
        new(ModelIds.PossibleIcsProtocol, CommandAndControl, "possible ICS protocol misuse", ["T0869", "T0885", "T0884", "T1571", "T1095"]),
        new(ModelIds.NewIcsActionCommands, ImpairControl, "new ICS write/control commands", ["T0855", "T0836", "T0831", "T0858", "T0816", "T0835", "T0878"]),
        new(ModelIds.UncommonIcsReprogram, Impact, "PLC program transfer", ["T0843", "T0845", "T0889", "T0821", "T0858", "T0857"]),
    }.ToDictionary(m => m.Model, StringComparer.Ordinal);

    public static ModelInfo Get(string model) =>
        Models.TryGetValue(model, out var info) ? info : new ModelInfo(model, Discovery, model, []);
}
