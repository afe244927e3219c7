using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoRespond.Configuration.Binding;

/// <summary>
/// A syntax check of an RFC 5545 §3.3.10 recurrence rule (<c>FREQ=WEEKLY;BYDAY=SU</c>): known parts, each once,
/// FREQ present, values of the right shape, not both COUNT and UNTIL. Expanding the rule is not done here.
/// </summary>
internal static partial class RruleSyntax
{
    private static readonly string[] Frequencies = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private static readonly Dictionary<string, (int Min, int Max, bool Signed)> IntegerLists = new(StringComparer.Ordinal)
    {
        ["BYSECOND"] = (0, 60, false),
        ["BYMINUTE"] = (0, 59, false),
        ["BYHOUR"] = (0, 23, false),
        ["BYMONTHDAY"] = (1, 31, true),
        ["BYYEARDAY"] = (1, 366, true),
        ["BYWEEKNO"] = (1, 53, true),
        ["BYMONTH"] = (1, 12, false),
        ["BYSETPOS"] = (1, 366, true),
    };

    /// <summary>Every part name RFC 5545 defines.</summary>
    public static IReadOnlyList<string> Parts { get; } =
        ["FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
         "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"];

    [GeneratedRegex(@"^([+-]?([1-9]|[1-4][0-9]|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayNumber();

    [GeneratedRegex(@"^[0-9]{8}(T[0-9]{6}Z?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UntilPattern();

    public static bool TryParse(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        value = null;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        value = text;
        return true;
    }

    private static string? Check(string text)
    {
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            return "write the rule without the 'RRULE:' prefix, such as FREQ=WEEKLY;BYDAY=SU";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                return $"rrule part '{part}' is not NAME=VALUE (in '{text}')";
            }

            var name = part[..equals];
            var partValue = part[(equals + 1)..];
            if (!Parts.Contains(name, StringComparer.Ordinal))
            {
                if (Parts.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    return $"write rrule part names and values in upper case, such as '{part.ToUpperInvariant()}'";
                }

                return $"unknown rrule part '{name}'; expected one of: {string.Join(", ", Parts)}";
            }

            if (!seen.Add(name))
            {
                return $"rrule part '{name}' is given twice";
            }

            if (CheckValue(name, partValue) is { } problem)
            {
                return $"rrule {name}: {problem}";
            }
        }

        if (!seen.Contains("FREQ"))
        {
            return $"rrule '{text}' has no FREQ; it is required, such as FREQ=WEEKLY";
        }

        return seen.Contains("COUNT") && seen.Contains("UNTIL") ? "rrule must not have both COUNT and UNTIL" : null;
    }

    private static string? CheckValue(string name, string value)
    {
        switch (name)
        {
            case "FREQ":
                return Frequencies.Contains(value, StringComparer.Ordinal)
                    ? null : $"'{value}' is not one of {string.Join(", ", Frequencies)}";
            case "WKST":
                return Days.Contains(value, StringComparer.Ordinal) ? null : $"'{value}' is not one of {string.Join(", ", Days)}";
            case "COUNT" or "INTERVAL":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? null : $"'{value}' is not a whole number of at least 1";
            case "UNTIL":
                return UntilPattern().IsMatch(value) ? null : $"'{value}' is not a date (20261205) or UTC time (20261205T220000Z)";
            case "BYDAY":
                return value.Split(',').FirstOrDefault(d => !WeekdayNumber().IsMatch(d)) is { } badDay
                    ? $"'{badDay}' is not a weekday such as MO, SU or -1FR" : null;
            default:
                var (min, max, signed) = IntegerLists[name];
                foreach (var item in value.Split(','))
                {
                    var digits = signed && item.Length > 1 && item[0] is '+' or '-' ? item[1..] : item;
                    if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                        || number < min || number > max)
                    {
                        var range = signed ? $"±{min} to ±{max}" : $"{min} to {max}";
                        return $"'{item}' is not a number from {range}";
                    }
                }

                return null;
        }
    }
}
