namespace AutoRespond.Storage.Entities;

/// <summary>
/// An identity or email event posted to the API (<c>/api/v1/events/…</c>) for the executors: who signed in from
/// which address, which messages reached whom. Append-only.
/// </summary>
public sealed class PostedEventEntity
{
    public long Id { get; set; }

    /// <summary><c>identity</c> or <c>email</c>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>The user principal name the event is about (signed-in user, or the mail's recipient).</summary>
    public required string User { get; set; }

    /// <summary>The device address (identity events), or null.</summary>
    public string? Address { get; set; }

    /// <summary>The message id (email events), or null.</summary>
    public string? MessageId { get; set; }

    /// <summary>The rest of the event as posted (JSON).</summary>
    public required string DetailJson { get; set; }

    public required string PostedBy { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
