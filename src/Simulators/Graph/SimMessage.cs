namespace AutoRespond.Simulators.Graph;

/// <summary>A message in a simulated mailbox; its id changes when it moves (unless ImmutableId was asked for).</summary>
public sealed class SimMessage(string id, string subject, string body, string from, DateTimeOffset received)
{
    public string Id { get; set; } = id;

    public string Subject { get; } = subject;

    public string Body { get; } = body;

    public string From { get; } = from;

    public DateTimeOffset Received { get; } = received;

    public required string FolderId { get; set; }
}
