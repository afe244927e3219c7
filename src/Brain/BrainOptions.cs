using AutoRespond.Configuration;

namespace AutoRespond.Brain;

/// <summary>Tunables of the brain. Defaults follow DETECTION.md §2–3.</summary>
public sealed record BrainOptions
{
    /// <summary>The options a configuration file implies: its learning period and change windows.</summary>
    public static BrainOptions From(AutoRespondConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new BrainOptions { LearningPeriod = config.Learning.Period, Windows = config.Windows, Ai = Brain.Ai.AiCatalogue.From(config.Ai) };
    }

    /// <summary>Event time after the first event during which models learn but never breach. The default value is 24 hours.</summary>
    public TimeSpan LearningPeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Per (model, device) quiet time after a breach. The default value is 1 hour.</summary>
    public TimeSpan BreachCooldown { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Within the cool-down a model re-breaches only when its score rose by this much. The default value is 0.05.</summary>
    public double RebreachScoreStep { get; init; } = 0.05;

    /// <summary>Breaches of one device this close in time belong to one incident. The default value is 6 hours.</summary>
    public TimeSpan IncidentLinkWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>An incident with no new breach for this long is closed. The default value is 24 hours.</summary>
    public TimeSpan IncidentQuietClose { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Half-life of device and pair baselines. The default value is 14 days.</summary>
    public TimeSpan BaselineHalfLife { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Half-life of ICS command baselines (maintenance is monthly). The default value is 30 days.</summary>
    public TimeSpan IcsHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long a device first seen after learning counts as new (DETECTION.md §2.1). The default value is 24 hours.</summary>
    public TimeSpan NewDeviceAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A role (ICS client, EWS, ...) learnt after the learning period counts as "in baseline" only once its
    /// first evidence is this old, so an attacker does not become an engineering station by reprogramming.
    /// The default value is 24 hours.
    /// </summary>
    public TimeSpan RoleSettling { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Change windows (the config's <c>windows:</c>); devices inside an active one update no baselines.</summary>
    public IReadOnlyList<WindowConfig> Windows { get; init; } = [];

    /// <summary>
    /// The seam for the full window evaluator (RRULE, time zones): true when a device is inside an active
    /// change window at an event time. When null, each of <see cref="Windows"/> counts as its [Start, End)
    /// interval, scoped by its devices and zones (empty lists do not restrict).
    /// </summary>
    public Func<string, DateTimeOffset, bool>? IsInsideWindow { get; init; }

    /// <summary>Issuers (case-insensitive substrings) of private CAs whose self-signed roots are not unusual.</summary>
    public IReadOnlyList<string> PrivateCaIssuers { get; init; } = [];

    /// <summary>Account names (case-insensitive) that count as administrative in RDP cookies, besides the built-in lexicon.</summary>
    public IReadOnlyList<string> PrivilegedAccounts { get; init; } = [];

    /// <summary>Least bytes a device must send to one peer within an hour before volume can breach. The default value is 1 MB.</summary>
    public long MinTransferBytes { get; init; } = 1_000_000;

    /// <summary>The AI-service catalogue with the configuration's sanctioned services (issue 9). The default value is the built-in catalogue.</summary>
    public Ai.AiCatalogue Ai { get; init; } = Brain.Ai.AiCatalogue.Default;
}
