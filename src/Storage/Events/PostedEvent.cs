namespace AutoRespond.Storage;

/// <summary>
/// An identity (<see cref="IdentityKind"/>) or email (<see cref="EmailKind"/>) event posted to the API. Times are UTC;
/// <see cref="DetailJson"/> is the event as posted.
/// </summary>
public sealed record PostedEvent(
    long Id, string Kind, DateTimeOffset Time, string User, string? Address, string? MessageId, string DetailJson, string PostedBy,
    DateTimeOffset PostedAt)
{
    public const string IdentityKind = "identity";
    public const string EmailKind = "email";
}
