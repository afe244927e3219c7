namespace AutoRespond.Api.Events;

/// <summary>
/// An identity event (an extension of CONTRACT.md §5): <c>user</c> (UPN) did <c>kind</c> (default <c>sign-in</c>)
/// from device <c>address</c> at <c>time</c>, as reported by <c>source</c> (an IdP, a VPN, a domain controller).
/// </summary>
public sealed record IdentityEventRequest(string? Time, string? User, string? Address, string? Kind, string? Source);
