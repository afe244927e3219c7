using System.Text;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutates YAML text, deterministic for its <see cref="Random"/>: lines deleted, duplicated, swapped or re-indented
/// (spaces and tabs), values replaced with hostile scalars (boundary numbers, wrong types, huge or odd strings, NUL,
/// bidi and surrogate characters), keys misspelt, YAML features injected (anchors, aliases, merge keys, tags,
/// directives, document markers, flow collections left open, deep nesting), truncation and character flips.
/// </summary>
public sealed class YamlMutator(Random random)
{
    private static readonly string[] Values =
    [
        "", "~", "null", "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309", "-0",
        ".nan", ".inf", "-.inf", "0x7fffffff", "0o777", "1_000", "true", "no", "yes", "on", "[]", "{}", "[a, b]", "{ a: 1 }",
        "\"\"", "''", "\"\\u0000\"", "\"\\uD800\"", "\"\u202Eevil\"", "'it''s'", "\"unterminated", "'unterminated", "|", ">-",
        "0.0.0.0/0", "::/0", "10.0.0.0/33", "300.1.1.1", "fe80::1%eth0", "255.255.255.255/32", "1s", "0s", "-5m", "999999999d",
        "2026-02-30T25:61:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "FREQ=SECONDLY;INTERVAL=0", "FREQ=WEEKLY;BYDAY=XX",
        "http://", "https://[::1", "amqp://user:pass@:0/", "!!binary AAAA", "!!int abc", "!!float x", "!!map {}", "&a 1", "*a", "*nope",
        "Europe/Nowhere", "../../etc/passwd", "%n%s%x", "a: b: c", "- x", "? complex", "@", "`", "#comment",
    ];

    private static readonly string[] Lines =
    [
        "%YAML 1.1", "%TAG ! tag:x,2026:", "---", "...", "<<: *a", "&a", "*a", "? [a, b]", ": v", "- - - -", "{", "[", "]", "}",
        "\t", "key: &a [*a]", "x: !!python/object:os.system ls", "network: *undefined",
    ];

    private const string FlipChars = "\0\t\r\n:-[]{}#&*!|>'\"%@`,?\u00A0\u2028\uFEFF";

    private readonly Random _random = random;

    public (string Text, string Mutation) Mutate(string yaml)
    {
        var lines = yaml.Split('\n').ToList();
        int i = lines.Count == 0 ? 0 : _random.Next(lines.Count);
        switch (_random.Next(14))
        {
            case 0:
                lines.RemoveAt(i);
                return (Join(lines), "yaml.delete-line");
            case 1:
                lines.Insert(i, lines[i]);
                return (Join(lines), "yaml.duplicate-line");
            case 2:
                int j = _random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return (Join(lines), "yaml.swap-lines");
            case 3:
                lines[i] = _random.Next(3) switch { 0 => "  " + lines[i], 1 => "\t" + lines[i], _ => lines[i].TrimStart() };
                return (Join(lines), "yaml.indent");
            case 4 or 5 or 6:
                return (Join(ReplaceValue(lines, i)), "yaml.value");
            case 7:
                int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    int k = _random.Next(colon);
                    lines[i] = lines[i][..k] + (char)_random.Next('a', 'z' + 1) + lines[i][(k + 1)..];
                }

                return (Join(lines), "yaml.key");
            case 8:
                lines.Insert(i, Lines[_random.Next(Lines.Length)]);
                return (Join(lines), "yaml.inject-line");
            case 9:
                return (yaml[.._random.Next(yaml.Length + 1)], "yaml.truncate");
            case 10:
                int depth = _random.Next(10, 3000);
                string nest = _random.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : new string('{', depth);
                lines[i] = lines[i] + " " + nest;
                return (Join(lines), "yaml.deep-nesting");
            case 11:
                lines.Insert(i, $"{Key()}: {new string('A', _random.Next(1000, 200_000))}");
                return (Join(lines), "yaml.huge-scalar");
            case 12:
                char[] chars = yaml.ToCharArray();
                for (int n = _random.Next(1, 6); n > 0 && chars.Length > 0; n--)
                {
                    chars[_random.Next(chars.Length)] = FlipChars[_random.Next(FlipChars.Length)];
                }

                return (new string(chars), "yaml.char-flip");
            default:
                lines.Insert(i, $"{Key()}:");
                return (Join(lines), "yaml.unknown-key");
        }
    }

    private List<string> ReplaceValue(List<string> lines, int i)
    {
        string line = lines[i];
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        int dash = line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? line.IndexOf("- ", StringComparison.Ordinal) : -1;
        int at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : -1;
        string value = Values[_random.Next(Values.Length)];
        if (at < 0)
        {
            lines[i] = line + " " + value;
        }
        else
        {
            // Inside a flow mapping only the scalar after the colon is replaced, so the rest stays parseable.
            int end = line.IndexOfAny([',', '}', ']', '#'], at);
            lines[i] = line[..at] + value + (end < 0 || _random.Next(3) == 0 ? string.Empty : line[end..]);
        }

        return lines;
    }

    private string Key()
    {
        var sb = new StringBuilder();
        for (int n = _random.Next(1, 12); n > 0; n--)
        {
            sb.Append((char)_random.Next('a', 'z' + 1));
        }

        return sb.ToString();
    }

    private static string Join(List<string> lines) => string.Join('\n', lines);
}
