namespace AutoRespond.Storage.Entities;

/// <summary>Append-only history of an action. Key: (action id, sequence); the first change has sequence 1.</summary>
public sealed class ActionStateChangeEntity
{
    public required string ActionId { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset Time { get; set; }

    /// <summary>Null for the change that recorded the action.</summary>
    public string? FromState { get; set; }

    public required string ToState { get; set; }
    public required string Actor { get; set; }
    public required string Detail { get; set; }
}
