using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Graph;

/// <summary>Log lines of the Graph executors: action ids, kinds and user principal names, never tokens or secrets.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "graph: applied {ActionId} ({Kind}) for {User}: {Detail}")]
    public static partial void Applied(ILogger logger, string actionId, string kind, string user, string detail);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "graph: {ActionId} ({Kind}) for {User} was already in place")]
    public static partial void AlreadyInPlace(ILogger logger, string actionId, string kind, string user);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "graph: reverted {ActionId} ({Kind}) for {User}: {Detail}")]
    public static partial void Reverted(ILogger logger, string actionId, string kind, string user, string detail);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "graph: {Operation} of {ActionId} ({Kind}) failed: {Detail}")]
    public static partial void Failed(ILogger logger, string operation, string actionId, string kind, string detail);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Warning, Message = "graph: {ActionId} ({Kind}) refused: {Detail}")]
    public static partial void Refused(ILogger logger, string actionId, string kind, string detail);
}
