using System.Net;

namespace AutoRespond.Configuration;

/// <summary>A change window: planned work that must not be actioned (CONTRACT.md §2 <c>windows:</c>).</summary>
/// <param name="Name">Unique within the file.</param>
/// <param name="Start">Start of the (first) occurrence.</param>
/// <param name="End">End of the (first) occurrence; after <paramref name="Start"/>.</param>
/// <param name="Rrule">An RFC 5545 RRULE body such as <c>FREQ=WEEKLY;BYDAY=SU</c>, or null for a one-off window.
/// Only its syntax is checked here.</param>
/// <param name="Tz">The IANA time zone in which the rule recurs (canonical id), or null.</param>
/// <param name="Scope">What the window covers.</param>
/// <param name="Effect">What happens to actions inside it.</param>
/// <param name="CapScore">The highest ladder score allowed; set exactly when <paramref name="Effect"/> is <see cref="WindowEffect.Cap"/>.</param>
public sealed record WindowConfig(
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Rrule,
    string? Tz,
    WindowScope Scope,
    WindowEffect Effect,
    double? CapScore);

/// <summary>What a window covers. Empty lists do not restrict (see docs/configuration.md).</summary>
/// <param name="Devices">Device addresses or networks.</param>
/// <param name="Zones">Zone names (not checked against <c>network.zones</c>: windows also come from the API).</param>
/// <param name="Users">User principal names.</param>
/// <param name="Actions">Action kinds the window applies to; empty means every kind. An additive extension.</param>
public sealed record WindowScope(
    IReadOnlyList<IPNetwork> Devices,
    IReadOnlyList<string> Zones,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Actions)
{
    /// <summary>A scope with every list empty.</summary>
    public static WindowScope Empty { get; } = new([], [], [], []);
}

/// <summary>Window effects: <c>suppress</c>, <c>confirm</c>, <c>cap</c>.</summary>
public enum WindowEffect
{
    /// <summary><c>suppress</c>: no action is taken.</summary>
    Suppress,

    /// <summary><c>confirm</c>: actions are held for a person.</summary>
    Confirm,

    /// <summary><c>cap</c>: no ladder step above <see cref="WindowConfig.CapScore"/>.</summary>
    Cap,
}
