using AutoRespond.Responders.Engine;

namespace AutoRespond.Responders.WhatIf;

/// <summary>
/// One action whose outcome differs between two policies run over the same input: its final state under A
/// and under B (null when that policy never planned it).
/// </summary>
public sealed record ActionDifference(
    string ActionId,
    string IncidentId,
    string Kind,
    string Target,
    DateTimeOffset Time,
    string? StateA,
    string? StateB,
    string? ReasonA,
    string? ReasonB);

/// <summary>
/// What-if: compares the decisions of two response pipelines over the same capture. Actions are matched by
/// id (a hash of incident, kind and target, so the same incident and kind under both policies is the same
/// action); each side's last decision for an id is its final state. Only differences are returned, in time order.
/// </summary>
public static class ActionComparison
{
    public static IReadOnlyList<ActionDifference> Compare(IEnumerable<ActionDecision> a, IEnumerable<ActionDecision> b)
    {
        var finalA = Final(a);
        var finalB = Final(b);
        var differences = new List<ActionDifference>();
        foreach (var id in finalA.Keys.Union(finalB.Keys, StringComparer.Ordinal))
        {
            var left = finalA.GetValueOrDefault(id);
            var right = finalB.GetValueOrDefault(id);
            if (left is not null && right is not null && left.State == right.State) continue;
            var any = (left ?? right)!;
            differences.Add(new ActionDifference(id, any.IncidentId, any.Kind, any.Target,
                Min(left?.Time, right?.Time), left?.State, right?.State, left?.Reason, right?.Reason));
        }
        return [.. differences.OrderBy(d => d.Time).ThenBy(d => d.ActionId, StringComparer.Ordinal)];
    }

    private static Dictionary<string, ActionDecision> Final(IEnumerable<ActionDecision> decisions)
    {
        var final = new Dictionary<string, ActionDecision>(StringComparer.Ordinal);
        foreach (var decision in decisions) final[decision.ActionId] = decision;
        return final;
    }

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x <= y ? x : y) : (a ?? b)!.Value;
}
