using AutoRespond.Contracts;

namespace AutoRespond.Storage;

/// <summary>A stored incident: its latest publication (with breaches) and its handling state.</summary>
public sealed record IncidentRecord(IncidentScored Latest, string State);
