using System.Net;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// What the three Graph executors share: one client per operation, the user of an action (the planner's
/// <see cref="PlannedAction.User"/>; for a revert the recorded user or <c>integrations.users</c>), and turning a
/// failed call into <c>Applied=false</c> with a clear detail (bugs still throw).
/// </summary>
internal abstract class GraphExecutorBase(
    GraphClientSource clients, GraphActionRecords records, IReadOnlyDictionary<IPAddress, string> users, ILogger logger)
{
    public const string IntegrationName = "graph";

    public string Name => IntegrationName;

    public abstract string Kind { get; }

    protected GraphActionRecords Records { get; } = records;

    protected ILogger Logger { get; } = logger;

    protected async ValueTask<DispatchOutcome> RunAsync(string operation, string actionId,
        Func<GraphSession, Task<DispatchOutcome>> body, CancellationToken cancellationToken)
    {
        try
        {
            using var session = clients.Create();
            return await body(session);
        }
        catch (Exception e) when (GraphFailure.IsTargetFailure(e, cancellationToken))
        {
            string detail = GraphFailure.Describe(operation, e);
            GraphLog.Failed(Logger, operation, actionId, Kind, detail);
            return new DispatchOutcome(false, detail);
        }
    }

    protected async ValueTask<bool> ReadAsync(Func<GraphServiceClient, Task<bool>> read, CancellationToken cancellationToken)
    {
        try
        {
            using var session = clients.Create();
            return await read(session.Graph);
        }
        catch (Exception e) when (GraphFailure.IsTargetFailure(e, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>The user principal name an action is about, or null.</summary>
    protected static string? UserOf(PlannedAction action) => string.IsNullOrWhiteSpace(action.User) ? null : action.User.Trim();

    /// <summary>For a revert or a verification: the user the action was applied to, else the configured user of the device.</summary>
    protected string? UserOf(string actionId, string target) =>
        Records.Find(actionId)?.User
        ?? (IPAddress.TryParse(target, out var ip) && users.TryGetValue(ip, out var user) ? user : null);

    protected DispatchOutcome NoUser(string actionId, string target)
    {
        string detail = $"no user known for device {target} (no RDP cookie user and no integrations.users entry); nothing sent";
        GraphLog.Refused(Logger, actionId, Kind, detail);
        return new DispatchOutcome(false, detail);
    }

    protected DispatchOutcome AlreadyInPlace(string actionId, string user, string detail)
    {
        GraphLog.AlreadyInPlace(Logger, actionId, Kind, user);
        return new DispatchOutcome(true, "already in place: " + detail);
    }

    protected DispatchOutcome Applied(string actionId, string user, string detail)
    {
        GraphLog.Applied(Logger, actionId, Kind, user, detail);
        return new DispatchOutcome(true, detail);
    }

    protected DispatchOutcome Reverted(string actionId, string user, string detail)
    {
        GraphLog.Reverted(Logger, actionId, Kind, user, detail);
        return new DispatchOutcome(true, detail);
    }

    /// <summary>Graph keeps whole seconds: an instant compared with a Graph timestamp is truncated first.</summary>
    protected static DateTimeOffset Second(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
