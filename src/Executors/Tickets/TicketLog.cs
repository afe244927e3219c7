using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tickets;

/// <summary>Log lines of the ticket executors: integration, action and incident ids and ticket references, never credentials or bodies.</summary>
internal static partial class TicketLog
{
    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "{Integration}: {Outcome} ticket for {IncidentId} ({ActionId}): {Detail}")]
    public static partial void Done(ILogger logger, string integration, string outcome, string incidentId, string actionId, string detail);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "{Integration}: ticket for {IncidentId} ({ActionId}) already in place: {Detail}")]
    public static partial void AlreadyInPlace(ILogger logger, string integration, string incidentId, string actionId, string detail);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Warning, Message = "{Integration}: {Operation} of the ticket for {IncidentId} ({ActionId}) failed: {Detail}")]
    public static partial void Failed(ILogger logger, string integration, string operation, string incidentId, string actionId, string detail);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Warning, Message = "{Integration}: endpoint answered 410 Gone and is disabled until restart")]
    public static partial void EndpointDisabled(ILogger logger, string integration);
}
