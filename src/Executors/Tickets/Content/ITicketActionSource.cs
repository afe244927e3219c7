using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;

namespace AutoRespond.Executors.Tickets.Content;

/// <summary>
/// The actions of an incident, for its ticket. The default reads the engine's <see cref="ActiveActionIndex"/> when one
/// is registered (live actions only); a host may register one backed by the ledger instead.
/// </summary>
public interface ITicketActionSource
{
    ValueTask<IReadOnlyList<TicketActionLine>> ForIncidentAsync(IncidentScored incident, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Live actions of the incident's device and incident from the engine's index (none without an engine).</summary>
internal sealed class ActiveIndexTicketActionSource(ActiveActionIndex? index) : ITicketActionSource
{
    public ValueTask<IReadOnlyList<TicketActionLine>> ForIncidentAsync(IncidentScored incident, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (index is null)
            return ValueTask.FromResult<IReadOnlyList<TicketActionLine>>([]);
        var lines = ActionKinds.All
            .Where(kind => kind != ActionKinds.Ticket)
            .Select(kind => index.Find(incident.Device.Ip, kind, now))
            .OfType<ActiveAction>()
            .Where(a => a.IncidentId == incident.Id)
            .Select(a => new TicketActionLine(a.ActionId, a.Kind, a.State, a.Target, a.Expires))
            .ToArray();
        return ValueTask.FromResult<IReadOnlyList<TicketActionLine>>(lines);
    }
}
