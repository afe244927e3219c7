namespace AutoRespond.Api.Events;

/// <summary>
/// An email event (an extension of CONTRACT.md §5): message <c>message_id</c> (Graph id or Internet message id) from
/// <c>sender</c> reached mailbox <c>user</c> at <c>time</c>; <c>incident</c> ties it to an incident when known.
/// </summary>
public sealed record EmailEventRequest(string? Time, string? User, string? MessageId, string? Sender, string? Subject, string? Incident);
