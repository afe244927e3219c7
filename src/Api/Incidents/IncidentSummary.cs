using AutoRespond.Contracts;

namespace AutoRespond.Api.Incidents;

/// <summary>An incident in a list: the columns the console shows and filters on.</summary>
public sealed record IncidentSummary(
    string Id, int Revision, DateTimeOffset Time, DeviceRef Device, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    double Score, string Category, IReadOnlyList<string> Models, IReadOnlyList<string> Attack, string Summary, string State);
