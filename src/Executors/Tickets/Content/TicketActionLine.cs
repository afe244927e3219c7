namespace AutoRespond.Executors.Tickets.Content;

/// <summary>One action taken (or held) for an incident, as tickets show it.</summary>
public sealed record TicketActionLine(string ActionId, string Kind, string State, string Target, DateTimeOffset? Expires);
