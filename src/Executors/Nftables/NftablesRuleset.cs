using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Nftables;

/// <summary>
/// The table the nftables executor owns (family <c>inet</c>, name from the config) and the JSON (<c>nft -j -f -</c>)
/// that builds and changes it:
/// <code>
/// table inet autorespond {
///   set blocked4 { type ipv4_addr; flags timeout; }          # elements: 198.18.1.2 timeout 15m comment "act-…"
///   set blocked6 { type ipv6_addr; flags timeout; }
///   chain input   { type filter hook input priority -10; policy accept;
///                   ip saddr @blocked4 counter drop; ip6 saddr @blocked6 counter drop }
///   chain forward { type filter hook forward priority -10; policy accept;
///                   ip saddr @blocked4 counter drop; ip daddr @blocked4 counter drop; (and ip6) }
/// }
/// </code>
/// A drop in any base chain is final, so these rules hold whatever other tables accept.
/// </summary>
internal sealed class NftablesRuleset(string table)
{
    public const string Set4 = "blocked4";
    public const string Set6 = "blocked6";
    private const string Family = "inet";
    private const int Priority = -10;
    private const string RuleComment = "autorespond block";

    public string Table { get; } = table;

    public static string SetFor(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? Set6 : Set4;

    /// <summary>
    /// One atomic batch: create what is missing (<c>add</c> is a no-op for an existing table, set or chain), replace
    /// the chains' rules with ours (so a hand-edited chain is repaired and rules never pile up; the sets and their
    /// elements stay), then add the element.
    /// </summary>
    public string AddElement(IPAddress address, string actionId, long? timeoutSeconds)
    {
        var elem = new JsonObject { ["val"] = address.ToString(), ["comment"] = actionId };
        if (timeoutSeconds is { } t)
            elem["timeout"] = t;
        var commands = Ensure();
        commands.Add(Command("add", "element", new JsonObject
        {
            ["family"] = Family, ["table"] = Table, ["name"] = SetFor(address),
            ["elem"] = new JsonArray(new JsonObject { ["elem"] = elem }),
        }));
        return Document(commands);
    }

    public string DeleteElement(IPAddress address) => Document([Delete(address)]);

    /// <summary>Delete and add again in one transaction (the way to give an element a new timeout).</summary>
    public string ReplaceElement(IPAddress address, string actionId, long? timeoutSeconds)
    {
        var add = JsonNode.Parse(AddElement(address, actionId, timeoutSeconds))!["nftables"]!.AsArray();
        var commands = add.Select(c => (JsonObject)c!.DeepClone()).ToList();
        commands.Insert(commands.Count - 1, Delete(address));
        return Document(commands);
    }

    private JsonObject Delete(IPAddress address) => Command("delete", "element", new JsonObject
    {
        ["family"] = Family, ["table"] = Table, ["name"] = SetFor(address),
        ["elem"] = new JsonArray(address.ToString()),
    });

    /// <summary><c>nft -j list set inet TABLE SET</c>.</summary>
    public IReadOnlyList<string> ListSetArguments(IPAddress address) => ["-j", "list", "set", Family, Table, SetFor(address)];

    /// <summary><c>nft -j -f -</c>: a JSON batch on stdin.</summary>
    public static IReadOnlyList<string> ApplyArguments { get; } = ["-j", "-f", "-"];

    /// <summary>The elements of a <c>nft -j list set</c> answer: address and comment (the action id), timeouts in seconds.</summary>
    public static IReadOnlyList<NftElement> Elements(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new TargetAnswerException("nft -j list set did not answer JSON", e);
        }
        var found = new List<NftElement>();
        foreach (var item in root?["nftables"]?.AsArray() ?? [])
        {
            if (item?["set"]?["elem"] is not JsonArray elems)
                continue;
            foreach (var e in elems)
            {
                if (e is JsonValue plain && plain.TryGetValue(out string? text))
                    Add(found, text, null, null, null);
                else if (e?["elem"] is JsonObject o && o["val"] is JsonValue v && v.TryGetValue(out string? val))
                    Add(found, val, Text(o["comment"]), Number(o["timeout"]), Number(o["expires"]));
            }
        }
        return found;
    }

    private List<JsonObject> Ensure()
    {
        var commands = new List<JsonObject>
        {
            Command("add", "table", new JsonObject { ["family"] = Family, ["name"] = Table }),
            Command("add", "set", Set(Set4, "ipv4_addr")),
            Command("add", "set", Set(Set6, "ipv6_addr")),
        };
        foreach (string hook in (string[])["input", "forward"])
        {
            commands.Add(Command("add", "chain", new JsonObject
            {
                ["family"] = Family, ["table"] = Table, ["name"] = hook,
                ["type"] = "filter", ["hook"] = hook, ["prio"] = Priority, ["policy"] = "accept",
            }));
            commands.Add(Command("flush", "chain", new JsonObject { ["family"] = Family, ["table"] = Table, ["name"] = hook }));
        }
        commands.Add(Rule("input", "ip", "saddr", Set4));
        commands.Add(Rule("input", "ip6", "saddr", Set6));
        foreach (string field in (string[])["saddr", "daddr"])
        {
            commands.Add(Rule("forward", "ip", field, Set4));
            commands.Add(Rule("forward", "ip6", field, Set6));
        }
        return commands;
    }

    private JsonObject Set(string name, string type) => new()
    {
        ["family"] = Family, ["table"] = Table, ["name"] = name, ["type"] = type, ["flags"] = new JsonArray("timeout"),
    };

    private JsonObject Rule(string chain, string protocol, string field, string set) => Command("add", "rule", new JsonObject
    {
        ["family"] = Family, ["table"] = Table, ["chain"] = chain, ["comment"] = RuleComment,
        ["expr"] = new JsonArray(
            new JsonObject
            {
                ["match"] = new JsonObject
                {
                    ["op"] = "==",
                    ["left"] = new JsonObject { ["payload"] = new JsonObject { ["protocol"] = protocol, ["field"] = field } },
                    ["right"] = "@" + set,
                },
            },
            new JsonObject { ["counter"] = null },
            new JsonObject { ["drop"] = null }),
    });

    private static JsonObject Command(string verb, string what, JsonObject body) => new() { [verb] = new JsonObject { [what] = body } };

    private static string Document(IEnumerable<JsonObject> commands) =>
        new JsonObject { ["nftables"] = new JsonArray([.. commands]) }.ToJsonString();

    private static void Add(List<NftElement> found, string text, string? comment, long? timeout, long? expires)
    {
        if (IPAddress.TryParse(text, out var ip))
            found.Add(new NftElement(ip, comment, timeout, expires));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static long? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue(out long n) ? n : null;
}

/// <summary>One element of a blocked set.</summary>
internal sealed record NftElement(IPAddress Address, string? Comment, long? TimeoutSeconds, long? ExpiresSeconds);
