using System.Text.Json.Nodes;
using AutoRespond.Contracts;

namespace AutoRespond.Executors.Ocsf;

/// <summary>
/// ATT&amp;CK ids as OCSF <c>attack</c> objects (<c>{"version","technique":{uid,name},"tactic":{uid,name}}</c>; at least one
/// of tactic/technique/sub_technique). Names and tactics for the ATT&amp;CK for ICS techniques of INTEGRATIONS.md §5.2;
/// other ids (Enterprise, or ICS ids not in that table) carry their uid only. The default technique list per model mirrors
/// the brain's model catalogue (Brain/Correlation/ModelCatalog.cs), limited to ATT&amp;CK for ICS ids.
/// </summary>
public static class OcsfAttack
{
    public const string AttackVersion = "18.0";

    private static readonly Dictionary<string, (string Name, string TacticUid, string TacticName)> Ics = new(StringComparer.Ordinal)
    {
        ["T0846"] = ("Remote System Discovery", "TA0102", "Discovery"),
        ["T0840"] = ("Network Connection Enumeration", "TA0102", "Discovery"),
        ["T0888"] = ("Remote System Information Discovery", "TA0102", "Discovery"),
        ["T0843"] = ("Program Download", "TA0109", "Lateral Movement"),
        ["T0821"] = ("Modify Controller Tasking", "TA0104", "Execution"),
        ["T0855"] = ("Unauthorized Command Message", "TA0106", "Impair Process Control"),
        ["T0886"] = ("Remote Services", "TA0108", "Initial Access"),
        ["T0859"] = ("Valid Accounts", "TA0110", "Persistence"),
        ["T0869"] = ("Standard Application Layer Protocol", "TA0101", "Command and Control"),
        ["T0822"] = ("External Remote Services", "TA0108", "Initial Access"),
        ["T0812"] = ("Default Credentials", "TA0109", "Lateral Movement"),
    };

    private static readonly Dictionary<string, string[]> ByModel = new(StringComparer.Ordinal)
    {
        [ModelIds.NewDeviceUnusualActivity] = ["T0864"],
        [ModelIds.UnusualAdminRdp] = ["T0886", "T0859"],
        [ModelIds.ItToIcsConnection] = ["T0886", "T0846"],
        [ModelIds.MultipleFailedInternalConnections] = ["T0846"],
        [ModelIds.FailedConnectionsToIcsDevice] = ["T0846", "T0888"],
        [ModelIds.NewIcsDiscoverCommands] = ["T0888", "T0846"],
        [ModelIds.UnusualIcsConnectivity] = ["T0886", "T0846"],
        [ModelIds.SslNoSniNewExternal] = ["T0869"],
        [ModelIds.RareExternalSelfSigned] = ["T0869"],
        [ModelIds.UnusualDataTransfer] = ["T0882"],
        [ModelIds.PossibleIcsProtocol] = ["T0869"],
        [ModelIds.NewIcsActionCommands] = ["T0855"],
        [ModelIds.UncommonIcsReprogram] = ["T0843", "T0821"],
    };

    /// <summary>The default techniques of a model (empty for an unknown model).</summary>
    public static IReadOnlyList<string> ForModel(string model) => ByModel.TryGetValue(model, out var ids) ? ids : [];

    /// <summary>One OCSF attack object for a technique or sub-technique id (T0846, T1021.001).</summary>
    public static JsonObject Object(string id)
    {
        var attack = new JsonObject { ["version"] = AttackVersion };
        int dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            attack["technique"] = new JsonObject { ["uid"] = id[..dot] };
            attack["sub_technique"] = new JsonObject { ["uid"] = id };
            return attack;
        }
        if (Ics.TryGetValue(id, out var known))
        {
            attack["technique"] = new JsonObject { ["uid"] = id, ["name"] = known.Name };
            attack["tactic"] = new JsonObject { ["uid"] = known.TacticUid, ["name"] = known.TacticName };
        }
        else
            attack["technique"] = new JsonObject { ["uid"] = id };
        return attack;
    }

    public static JsonArray Objects(IEnumerable<string> ids) =>
        new([.. ids.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Select(Object)]);
}
