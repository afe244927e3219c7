using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Common;

/// <summary>Log lines of the firewall and switch executors: ids, addresses and outcomes, never credentials or bodies.</summary>
internal static partial class NetworkTargetLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "{Integration}: applied {ActionId} ({Kind}) to {Target}: {Detail}")]
    public static partial void Applied(ILogger logger, string integration, string actionId, string kind, string target, string detail);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "{Integration}: {ActionId} ({Kind}) against {Target} was already in place")]
    public static partial void AlreadyInPlace(ILogger logger, string integration, string actionId, string kind, string target);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "{Integration}: reverted {ActionId} ({Kind}) against {Target}: {Detail}")]
    public static partial void Reverted(ILogger logger, string integration, string actionId, string kind, string target, string detail);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "{Integration}: {Operation} of {ActionId} ({Kind}) against {Target} failed: {Detail}")]
    public static partial void Failed(ILogger logger, string integration, string operation, string actionId, string kind, string target, string detail);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "{Integration}: {ActionId} ({Kind}) refused: {Detail}")]
    public static partial void Refused(ILogger logger, string integration, string actionId, string kind, string detail);
}
