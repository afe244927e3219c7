using System.Globalization;
using System.Net;
using AutoRespond.Configuration;

namespace AutoRespond.Responders.Windows;

/// <summary>
/// Answers "which change windows cover (device, zone, user, action kind) at time t", and, for an action no
/// window covers, whether it resembles planned work. A window's scope covers a subject when its
/// <c>devices</c>, <c>zones</c> and <c>users</c> are all empty, or when any of them names the subject's device
/// (CIDR), zone or user; <c>actions</c>, when given, limits it to those kinds.
/// </summary>
public sealed class ChangeWindowEvaluator
{
    /// <summary>How far before or after a window an action still "resembles planned work".</summary>
    public static readonly TimeSpan ResemblanceHorizon = TimeSpan.FromHours(24);

    private readonly NetworkConfig _network;
    private readonly IReadOnlyList<WindowSchedule> _fixed;
    private IReadOnlyList<WindowSchedule> _schedules;

    /// <param name="windows">The config file's windows: always in force, whatever <see cref="ReplaceStored"/> is given.</param>
    public ChangeWindowEvaluator(IEnumerable<WindowConfig> windows, NetworkConfig network)
    {
        _network = network;
        _fixed = [.. windows.Select(WindowSchedule.For)];
        _schedules = _fixed;
    }

    /// <summary>The config file's windows, then the stored ones; one consistent list per read.</summary>
    public IReadOnlyList<WindowSchedule> Schedules => Volatile.Read(ref _schedules);

    /// <summary>
    /// Puts <paramref name="stored"/> (the API's windows, already evaluable: see <see cref="WindowSchedule.For"/>) in
    /// force next to the config file's, replacing the previous stored set atomically.
    /// </summary>
    public void ReplaceStored(IEnumerable<WindowSchedule> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Volatile.Write(ref _schedules, [.. _fixed, .. stored]);
    }

    /// <summary>The occurrences open at <paramref name="time"/> whose scope covers the subject, in window order.</summary>
    public IReadOnlyList<WindowOccurrence> Covering(WindowSubject subject, DateTimeOffset time) =>
        [.. Schedules.Where(s => Covers(s.Window, subject)).Select(s => s.OccurrenceAt(time)).OfType<WindowOccurrence>()];

    /// <summary>True when the window's scope (devices, zones, users and actions) covers the subject.</summary>
    public bool Covers(WindowConfig window, WindowSubject subject) =>
        KindMatches(window.Scope, subject.Kind) && (IsCatchAll(window.Scope) || NamesSubject(window.Scope, subject));

    /// <summary>
    /// For a subject no window covers at <paramref name="time"/>: a note when the same device (or zone, or user)
    /// is named by a window that is open for other action kinds, ended or starts within
    /// <see cref="ResemblanceHorizon"/>, or covers it at other times. Null when nothing resembles it.
    /// </summary>
    public string? ResemblesPlannedWork(WindowSubject subject, DateTimeOffset time)
    {
        string? best = null, fallback = null;
        var bestDistance = TimeSpan.MaxValue;
        foreach (var schedule in Schedules)
        {
            var scope = schedule.Window.Scope;
            bool named = NamesSubject(scope, subject);
            if (!named && !IsCatchAll(scope)) continue;
            var near = schedule.Overlapping(time - ResemblanceHorizon, time + ResemblanceHorizon).ToArray();
            if (near.FirstOrDefault(o => o.Contains(time)) is { } open)
            {
                if (!KindMatches(scope, subject.Kind))
                    return $"resembles planned work: {open.Window.Name}, window open but not for {subject.Kind}";
                continue;
            }
            foreach (var occurrence in near)
            {
                var (distance, text) = occurrence.End <= time
                    ? (time - occurrence.End, $"window ended {Ago(time - occurrence.End)} ago")
                    : (occurrence.Start - time, $"window starts in {Ago(occurrence.Start - time)}");
                if (distance < bestDistance)
                    (bestDistance, best) = (distance, $"resembles planned work: {occurrence.Window.Name}, {text}");
            }
            if (named && near.Length == 0)
                fallback ??= $"resembles planned work: {schedule.Window.Name} covers this device at other times";
        }
        return best ?? fallback;
    }

    private static bool IsCatchAll(WindowScope scope) => scope.Devices.Count + scope.Zones.Count + scope.Users.Count == 0;

    private static bool KindMatches(WindowScope scope, string? kind) =>
        kind is null || scope.Actions.Count == 0 || scope.Actions.Contains(kind, StringComparer.Ordinal);

    private bool NamesSubject(WindowScope scope, WindowSubject subject)
    {
        if (subject.User is { } user && scope.Users.Contains(user, StringComparer.OrdinalIgnoreCase)) return true;
        if (!IPAddress.TryParse(subject.Device, out var ip)) return false;
        if (scope.Devices.Any(d => d.Contains(ip))) return true;
        if (scope.Zones.Count == 0) return false;
        string? zone = subject.Zone ?? _network.ZoneOf(ip, null)?.Name;
        return zone is not null && scope.Zones.Contains(zone, StringComparer.OrdinalIgnoreCase);
    }

    internal static string Ago(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min"),
        { TotalHours: < 48 } => string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(span.TotalHours)} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(span.TotalDays)} d"),
    };
}
