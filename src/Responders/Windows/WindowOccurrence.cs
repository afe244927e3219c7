using AutoRespond.Configuration;

namespace AutoRespond.Responders.Windows;

/// <summary>One occurrence of a change window: the half-open interval [<see cref="Start"/>, <see cref="End"/>) in UTC.</summary>
public sealed record WindowOccurrence(WindowConfig Window, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    public override string ToString() =>
        $"{Window.Name} {Start.UtcDateTime:yyyy-MM-dd HH:mm}Z–{End.UtcDateTime:yyyy-MM-dd HH:mm}Z";
}

/// <summary>
/// What a window is asked about: the device (address), its zone if known, the user of the incident if known,
/// and the action kind (null: any kind).
/// </summary>
public sealed record WindowSubject(string Device, string? Zone = null, string? User = null, string? Kind = null);

/// <summary>A schedule that cannot be evaluated (an RRULE Ical.Net rejects, an unknown time zone).</summary>
public sealed class WindowScheduleException(string message, Exception? inner = null) : Exception(message, inner);
