using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Engine;

/// <summary>Tells operators what the engine decided: ids and states only, never payloads.</summary>
public sealed partial class LoggingResponseObserver(ILogger<LoggingResponseObserver> logger) : IResponseObserver
{
    public void OnAction(ActionDecision decision) =>
        LogDecision(logger, decision.ActionId, decision.Kind, decision.Target, decision.State, decision.IncidentId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Action `{ActionId}` {Kind} against `{Target}` is {State} (incident `{IncidentId}`)")]
    private static partial void LogDecision(ILogger logger, string actionId, string kind, string target, string state, string incidentId);
}
