using System.Globalization;

namespace AutoRespond.Api.Problems;

/// <summary>Durations as the config file writes them: a whole number and one unit, <c>30s</c>, <c>15m</c>, <c>24h</c>, <c>7d</c>.</summary>
internal static class Durations
{
    public static TimeSpan? Parse(string text)
    {
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n > 100_000)
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
