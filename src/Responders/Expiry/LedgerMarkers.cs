using System.Globalization;
using System.Text.RegularExpressions;
using AutoRespond.Storage;

namespace AutoRespond.Responders.Expiry;

/// <summary>
/// Times the ledger row cannot hold (it has one <c>expires_at</c>, set when the action is recorded) are kept
/// durably in the action's history, as a marker at the start of a change's detail:
/// <c>[expires 2026-12-06T05:00:00Z]</c> for an extension or an approval that restarts the clock, and
/// <c>[approval-deadline …]</c> for a longer wait for a person. The latest marker wins.
/// </summary>
public static partial class LedgerMarkers
{
    public const string Expires = "expires";
    public const string ApprovalDeadline = "approval-deadline";

    [GeneratedRegex(@"^\[(?<name>[a-z-]+) (?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    public static string Format(string name, DateTimeOffset time) =>
        $"[{name} {time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}]";

    /// <summary>The latest marker of that name in the history, or null.</summary>
    public static DateTimeOffset? Latest(ActionSnapshot snapshot, string name)
    {
        DateTimeOffset? latest = null;
        foreach (var change in snapshot.History)
        {
            var match = MarkerPattern().Match(change.Detail);
            if (match.Success && match.Groups["name"].Value == name)
                latest = DateTimeOffset.Parse(match.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
        return latest;
    }

    /// <summary>When the action expires: its latest <c>[expires …]</c> marker, else the row's expiry.</summary>
    public static DateTimeOffset? EffectiveExpiry(ActionSnapshot snapshot) => Latest(snapshot, Expires) ?? snapshot.Action.ExpiresAt;
}
