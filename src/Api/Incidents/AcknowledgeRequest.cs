using AutoRespond.Contracts;

namespace AutoRespond.Api.Incidents;

/// <summary>The body of an acknowledge: an optional note kept in the audit log.</summary>
public sealed record AcknowledgeRequest(string? Note);
