using AutoRespond.Storage.Entities;

namespace AutoRespond.Storage;

internal static class ActionMapping
{
    public static ActionEntity ToEntity(ActionLedgerEntry entry, string actor, string detail)
    {
        var created = entry.CreatedAt.ToUniversalTime();
        return new ActionEntity
        {
            Id = entry.ActionId,
            IncidentId = entry.IncidentId,
            Kind = entry.Kind,
            Target = entry.Target,
            State = entry.State,
            CreatedAt = created,
            ExpiresAt = entry.ExpiresAt?.ToUniversalTime(),
            PolicyVersion = entry.PolicyVersion,
            WindowName = entry.WindowName,
            Reason = entry.Reason,
            UndoState = entry.UndoState,
            UpdatedAt = created,
            Version = 1,
            History =
            [
                new ActionStateChangeEntity
                {
                    ActionId = entry.ActionId,
                    Sequence = 1,
                    Time = created,
                    FromState = null,
                    ToState = entry.State,
                    Actor = actor,
                    Detail = detail,
                },
            ],
        };
    }

    public static ActionLedgerEntry ToEntry(ActionEntity a) =>
        new(a.Id, a.IncidentId, a.Kind, a.Target, a.State, a.CreatedAt, a.ExpiresAt, a.PolicyVersion, a.WindowName, a.Reason,
            a.UndoState);

    public static ActionSnapshot ToSnapshot(ActionEntity a) =>
        new(
            ToEntry(a),
            a.UpdatedAt,
            a.History
                .OrderBy(h => h.Sequence)
                .Select(h => new ActionStateChange(h.Sequence, h.Time, h.FromState, h.ToState, h.Actor, h.Detail))
                .ToList());
}
