namespace AutoRespond.Api.Windows;

/// <summary>Devices (addresses or CIDRs), zones, users and action kinds; empty lists do not restrict.</summary>
public sealed record WindowScopeRequest(
    IReadOnlyList<string>? Devices,
    IReadOnlyList<string>? Zones,
    IReadOnlyList<string>? Users,
    IReadOnlyList<string>? Actions);
