namespace AutoRespond.Api.Windows;

/// <summary>
/// A window to create or replace, with the fields of a config-file window (CONTRACT.md §2 <c>windows:</c>):
/// <c>start</c>/<c>end</c> are ISO-8601 with an offset, <c>rrule</c> an RFC 5545 RRULE body, <c>tz</c> an IANA zone.
/// </summary>
public sealed record WindowRequest(
    string? Name,
    string? Start,
    string? End,
    string? Rrule,
    string? Tz,
    WindowScopeRequest? Scope,
    string? Effect,
    double? CapScore);
