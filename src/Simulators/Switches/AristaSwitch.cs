using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace AutoRespond.Simulators.Switches;

/// <summary>
/// The running configuration of the simulated EOS switch and the CLI subset eAPI drives: <c>enable</c>,
/// <c>configure [terminal]</c>, <c>ip access-list NAME</c> with <c>[SEQ] deny|permit ip host A|any any</c>,
/// <c>no SEQ</c>, <c>interface NAME</c> with <c>[no] shutdown</c>, <c>exit</c>/<c>end</c>, and
/// <c>show ip access-lists [NAME]</c>. Modes work as on EOS: configuration needs <c>enable</c> first.
/// </summary>
internal sealed class AristaSwitch
{
    private readonly Dictionary<string, SortedDictionary<long, string>> _acls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _shutdown = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SortedDictionary<long, string>> Acls => _acls;

    /// <summary>One eAPI session: runs the commands in order; stops at the first that fails (the earlier ones stay).</summary>
    public (List<JsonNode> Results, string? Error, int FailedIndex) Run(IReadOnlyList<string> cmds)
    {
        var results = new List<JsonNode>();
        string mode = "exec";
        string? context = null;
        for (int i = 0; i < cmds.Count; i++)
        {
            string cmd = string.Join(' ', cmds[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            string? error = Execute(cmd, ref mode, ref context, out var result);
            if (error is not null)
                return (results, error, i);
            results.Add(result ?? new JsonObject());
        }
        return (results, null, -1);
    }

    private string? Execute(string cmd, ref string mode, ref string? context, out JsonNode? result)
    {
        result = null;
        string[] w = cmd.Split(' ');
        switch (mode, w)
        {
            case (_, ["enable"]):
                if (mode == "exec")
                    mode = "enable";
                return null;
            case (_, ["show", "ip", "access-lists", .. var name]):
                result = Show(name.Length == 1 ? name[0] : null);
                return null;
            case ("exec", _):
                return "Invalid input (privileged mode required)";
            case ("enable", ["configure"] or ["configure", "terminal"]):
                mode = "config";
                return null;
            case ("enable", _):
                return $"Invalid input (at token 0: '{w[0]}')";
            case (_, ["end"]):
                mode = "enable";
                return null;
            case (_, ["exit"]):
                mode = mode is "config-acl" or "config-if" ? "config" : "enable";
                return null;
            case (_, ["ip", "access-list", var acl]) when mode.StartsWith("config", StringComparison.Ordinal):
                _acls.TryAdd(acl, []);
                (mode, context) = ("config-acl", acl);
                return null;
            case (_, ["interface", var name]) when mode.StartsWith("config", StringComparison.Ordinal):
                _shutdown.TryAdd(name, false);
                (mode, context) = ("config-if", name);
                return null;
            case ("config-if", ["shutdown"]):
                _shutdown[context!] = true;
                return null;
            case ("config-if", ["no", "shutdown"]):
                _shutdown[context!] = false;
                return null;
            case ("config-acl", ["no", var seq]) when long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out long n):
                _acls[context!].Remove(n);
                return null;
            case ("config-acl", _):
                return AclEntry(_acls[context!], w);
            default:
                return $"Invalid input (at token 0: '{w[0]}')";
        }
    }

    private static string? AclEntry(SortedDictionary<long, string> acl, string[] w)
    {
        long sequence;
        string[] rule;
        if (long.TryParse(w[0], NumberStyles.None, CultureInfo.InvariantCulture, out long given))
        {
            if (given is < 1 or > 4_294_967_295)
                return "Invalid input (sequence number out of range)";
            (sequence, rule) = (given, w[1..]);
        }
        else
        {
            (sequence, rule) = ((acl.Count == 0 ? 0 : acl.Keys.Max()) + 10, w);
        }
        if (!ValidRule(rule))
            return $"Invalid input (at token {(w.Length - rule.Length).ToString(CultureInfo.InvariantCulture)}: '{rule.FirstOrDefault() ?? ""}')";
        string text = string.Join(' ', rule);
        if (acl.TryGetValue(sequence, out var existing) && existing != text)
            return "Duplicate sequence number";
        acl[sequence] = text;
        return null;
    }

    private static bool ValidRule(string[] rule) => rule switch
    {
        ["deny" or "permit", "ip", "any", "any"] => true,
        ["deny" or "permit", "ip", "host", var host, "any"] => IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork,
        _ => false,
    };

    private JsonObject Show(string? name)
    {
        var lists = new JsonArray();
        foreach (var (acl, entries) in _acls.Where(a => name is null || a.Key == name).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            lists.Add(new JsonObject
            {
                ["name"] = acl,
                ["standard"] = false,
                ["readonly"] = false,
                ["sequence"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
                {
                    ["text"] = e.Value,
                    ["sequenceNumber"] = e.Key,
                    ["counterData"] = new JsonObject { ["packetCount"] = 0, ["byteCount"] = 0 },
                })]),
            });
        }
        return new JsonObject { ["aclList"] = lists };
    }
}
