using System.Net;
using AutoRespond.Contracts;

namespace AutoRespond.Configuration;

/// <summary>The <c>response:</c> section: how and how hard the engine responds.</summary>
public sealed record ResponseConfig
{
    /// <summary>
    /// The ladder used when none is configured: 0.60 ticket; 0.80 ticket and tcp-reset for 1h;
    /// 0.95 ticket and firewall-block for 4h. No step is scoped, so it is valid with any zones.
    /// </summary>
    public static IReadOnlyList<LadderStep> DefaultLadder { get; } =
    [
        new(0.60, [ActionKinds.Ticket], null, null),
        new(0.80, [ActionKinds.Ticket, ActionKinds.TcpReset], TimeSpan.FromHours(1), null),
        new(0.95, [ActionKinds.Ticket, ActionKinds.FirewallBlock], TimeSpan.FromHours(4), null),
    ];

    /// <summary>The configuration of a file without a <c>response:</c> section: dry-run, default ladder and limits.</summary>
    public static ResponseConfig Default { get; } = new();

    /// <summary>How actions are carried out. Dry-run unless the file says otherwise.</summary>
    public ResponseMode Mode { get; init; } = ResponseMode.DryRun;

    /// <summary>Graduated steps, in file order. See <see cref="DefaultLadder"/> for the default.</summary>
    public IReadOnlyList<LadderStep> Ladder { get; init; } = DefaultLadder;

    /// <summary>Caps on the number of actions.</summary>
    public LimitsConfig Limits { get; init; } = LimitsConfig.Default;

    /// <summary>True when the file has a (non-empty) <c>response:</c> section, false when every value is a default.</summary>
    public bool IsExplicit { get; init; }
}

/// <summary>Response modes: <c>autonomous</c>, <c>confirm</c>, <c>dry-run</c>.</summary>
public enum ResponseMode
{
    /// <summary><c>autonomous</c>: actions are executed at once.</summary>
    Autonomous,

    /// <summary><c>confirm</c>: actions wait for a person to approve them.</summary>
    Confirm,

    /// <summary><c>dry-run</c>: actions are recorded but never executed.</summary>
    DryRun,
}

/// <summary>One rung of the ladder.</summary>
/// <param name="MinScore">Lowest incident score, in [0, 1], at which the step applies.</param>
/// <param name="Actions">Action kinds (<see cref="ActionKinds"/>), at least one, no repeats.</param>
/// <param name="Duration">How long revertible actions stay in force; null when they do not expire.</param>
/// <param name="Scope">Restricts the step to some devices; null applies it everywhere.</param>
public sealed record LadderStep(double MinScore, IReadOnlyList<string> Actions, TimeSpan? Duration, ScopeConfig? Scope);

/// <summary>Which devices a ladder step applies to. An empty list does not restrict.</summary>
/// <param name="Zones">Names of declared zones.</param>
/// <param name="Devices">Device addresses or networks.</param>
/// <param name="Roles">Device roles, as named by the brain.</param>
public sealed record ScopeConfig(IReadOnlyList<string> Zones, IReadOnlyList<IPNetwork> Devices, IReadOnlyList<string> Roles);

/// <summary>Caps on actions, whatever the ladder says.</summary>
/// <param name="MaxActiveActions">Actions in force at once (default 50).</param>
/// <param name="MaxNewActionsPerHour">New actions per hour of event time (default 20).</param>
public sealed record LimitsConfig(int MaxActiveActions = 50, int MaxNewActionsPerHour = 20)
{
    /// <summary>50 active, 20 new per hour.</summary>
    public static LimitsConfig Default { get; } = new();
}
