namespace AutoRespond.Responders.Confirmation;

/// <summary>What happens to a held action nobody approved or denied in time.</summary>
public enum ConfirmationFailSafe
{
    /// <summary>The action is dropped (<c>expired</c>): nothing is sent. The safe choice for disruptive kinds.</summary>
    Drop,

    /// <summary>The action is carried out as if approved (by <see cref="ConfirmationService.TimeoutActor"/>).</summary>
    Act,
}

/// <summary>Options of <see cref="ConfirmationService"/>.</summary>
public sealed record ConfirmationOptions
{
    /// <summary>How long a person has to approve or deny a held action. The default value is 30 minutes.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>What happens when the timeout passes. The default value is <see cref="ConfirmationFailSafe.Drop"/>.</summary>
    public ConfirmationFailSafe OnTimeout { get; init; } = ConfirmationFailSafe.Drop;

    /// <summary>How often held actions are checked against their deadline. The default value is 30 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>How a confirmation request went.</summary>
public enum ConfirmationStatus { Done, NotFound, WrongState }

/// <summary>The result of an approve, deny, extend or release: the action's state afterwards and what happened.</summary>
public sealed record ConfirmationResult(ConfirmationStatus Status, string? State, string Message)
{
    public bool Succeeded => Status == ConfirmationStatus.Done;
}
