namespace AutoRespond.Executors.Common;

/// <summary>
/// Marks one call of a Refit interface as idempotent, so <see cref="TargetResilience"/> may retry it:
/// <c>[Property(IdempotentCall.Key)] bool idempotent = true</c> on the method puts the flag in the request's options,
/// where <see cref="TargetResilience.Idempotent"/> reads it.
/// </summary>
public static class IdempotentCall
{
    /// <summary>The request option key; the same string as <see cref="TargetResilience.Idempotent"/>.</summary>
    public const string Key = "autorespond.idempotent";
}
