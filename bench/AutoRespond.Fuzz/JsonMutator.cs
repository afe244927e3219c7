using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutates JSON documents, deterministic for its <see cref="Random"/>; reusable for any JSON input (policies, API
/// request bodies). Structure-aware mutations (on a parsed copy): a value replaced by a hostile one (wrong type,
/// boundary number, huge/odd string, deep nesting), a property removed, renamed, added or duplicated, an array
/// emptied or its item repeated, the root wrapped. Text mutations: truncation, a structural character inserted or
/// flipped, a BOM, a comment, a trailing comma, NaN/Infinity literals, an unpaired surrogate escape.
/// </summary>
public sealed class JsonMutator(Random random)
{
    private static readonly string[] HostileJson =
    [
        "null", "true", "false", "0", "-1", "1", "-0", "0.5", "1e309", "-1e309", "2147483648", "-2147483649",
        "9223372036854775808", "1.7976931348623157e308", "4.9e-324", "123456789012345678901234567890", "\"\"", "\"\\u0000\"",
        "\"\\ud800\"", "\"\\u202eevil\"", "\"null\"", "\"0\"", "\"NaN\"", "\"1h\"", "\"0s\"", "\"-1s\"", "\"999999999d\"",
        "\"10.0.0.0/33\"", "\"::/0\"", "\"0.0.0.0/0\"", "\"300.1.1.1\"", "[]", "{}", "[null]", "[[]]", "[{}]", "{\"\":null}",
        "[\"ticket\",\"ticket\"]", "\"<script>\"", "\"../../etc/passwd\"",
    ];

    private static readonly string[] Texts = ["{", "}", "[", "]", ",", ":", "\"", "\\", "//x\n", "/*", "\uFEFF", "NaN", "Infinity", "\\ud800", "\0", " "];

    private readonly Random _random = random;

    public (string Json, string Mutation) Mutate(string json)
    {
        JsonNode? root = null;
        if (_random.Next(4) != 0)
        {
            try
            {
                root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException)
            {
                root = null; // a mutated input that no longer parses: text mutations only
            }
        }

        if (root is null)
        {
            return MutateText(json);
        }

        try
        {
            var containers = new List<JsonNode>();
            Collect(root, containers);
            if (containers.Count == 0)
            {
                return MutateText(json);
            }

            JsonNode target = containers[_random.Next(containers.Count)];
            string name = target is JsonObject o ? MutateObject(o) : MutateArray((JsonArray)target);
            return (root.ToJsonString(), name);
        }
        catch (InvalidOperationException)
        {
            return MutateText(json); // the document holds a lone surrogate escape, which JsonNode cannot read back
        }
    }

    /// <summary>A text mutation (the document need not parse).</summary>
    public (string Json, string Mutation) MutateText(string json)
    {
        switch (_random.Next(6))
        {
            case 0:
                return (json[.._random.Next(json.Length + 1)], "json.truncate");
            case 1:
                int at = _random.Next(json.Length + 1);
                return (json[..at] + Texts[_random.Next(Texts.Length)] + json[at..], "json.insert-text");
            case 2 when json.Length > 0:
                var sb = new StringBuilder(json);
                sb[_random.Next(sb.Length)] = Texts[_random.Next(Texts.Length)][0];
                return (sb.ToString(), "json.flip-char");
            case 3:
                int close = json.LastIndexOfAny(['}', ']']);
                return (close < 0 ? json + "," : json[..close] + "," + json[close..], "json.trailing-comma");
            case 4:
                int depth = _random.Next(50, 5000);
                return (new string('[', depth) + json + new string(']', depth), "json.deep-nesting");
            default:
                return ("\uFEFF" + json + (_random.Next(2) == 0 ? " /* c */" : " trailing"), "json.bom-and-tail");
        }
    }

    private string MutateObject(JsonObject o)
    {
        var keys = o.Select(p => p.Key).ToList();
        int pick = _random.Next(keys.Count == 0 ? 2 : 6);
        switch (pick)
        {
            case 0:
                o[RandomKey()] = Hostile();
                return "json.add-property";
            case 1:
                o[keys.Count > 0 ? keys[_random.Next(keys.Count)] : RandomKey()] = Hostile();
                return "json.replace-value";
            case 2:
                o.Remove(keys[_random.Next(keys.Count)]);
                return "json.remove-property";
            case 3:
                string key = keys[_random.Next(keys.Count)];
                JsonNode? value = o[key];
                o.Remove(key);
                o[key.ToUpperInvariant() + (_random.Next(2) == 0 ? "" : "x")] = value;
                return "json.rename-property";
            case 4:
                string k = keys[_random.Next(keys.Count)];
                o[k] = new JsonArray(o[k]?.DeepClone());
                return "json.wrap-in-array";
            default:
                o[keys[_random.Next(keys.Count)]] = Hostile();
                return "json.replace-value";
        }
    }

    private string MutateArray(JsonArray a)
    {
        switch (_random.Next(a.Count == 0 ? 1 : 4))
        {
            case 0:
                a.Add(Hostile());
                return "json.array-add";
            case 1:
                a.RemoveAt(_random.Next(a.Count));
                return "json.array-remove";
            case 2:
                JsonNode? item = a[_random.Next(a.Count)];
                for (int n = _random.Next(1, 200); n > 0; n--)
                {
                    a.Add(item?.DeepClone());
                }

                return "json.array-repeat";
            default:
                a[_random.Next(a.Count)] = Hostile();
                return "json.array-replace";
        }
    }

    private JsonNode? Hostile()
    {
        if (_random.Next(10) == 0)
        {
            return JsonValue.Create(new string('x', _random.Next(1_000, 100_000)));
        }

        return JsonNode.Parse(HostileJson[_random.Next(HostileJson.Length)]);
    }

    private string RandomKey() => _random.Next(3) switch
    {
        0 => "",
        1 => "$type",
        _ => "k" + _random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void Collect(JsonNode node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject o:
                containers.Add(o);
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Collect(child, containers);
                    }
                }

                break;
            case JsonArray a:
                containers.Add(a);
                foreach (JsonNode? child in a)
                {
                    if (child is not null)
                    {
                        Collect(child, containers);
                    }
                }

                break;
        }
    }
}
