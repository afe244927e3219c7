using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Responders.Policy;

public enum PolicySeverity { Warning, Error }

/// <summary>One finding about a policy: where (a config path such as <c>response.ladder[2]</c>) and what.</summary>
public sealed record PolicyIssue(PolicySeverity Severity, string Path, string Message)
{
    public override string ToString() => $"{Path}: {(Severity == PolicySeverity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>The findings of <see cref="PolicyValidator.Validate"/>; valid when none is an error.</summary>
public sealed record PolicyValidationResult(IReadOnlyList<PolicyIssue> Issues)
{
    public bool IsValid => Issues.All(i => i.Severity != PolicySeverity.Error);
}

/// <summary>
/// Checks what the config loader cannot: the meaning of a response policy. Runs at start-up and on
/// PolicyChanged (STYLE.md §8 #4). Rejects a duration on a step that has nothing it could undo, windows whose
/// rule or zone cannot be evaluated, and bad escalation options; warns where a duration will not apply to some
/// kinds (they are never "reverted"), where a recurring window has no zone, where a rule is sub-daily (Ical.Net's
/// DST bugs), and where a step would tcp-reset or quarantine an ICS server without naming the role.
/// </summary>
public static class PolicyValidator
{
    public static PolicyValidationResult Validate(AutoRespondConfig config, EscalationOptions? escalation = null)
    {
        var issues = new List<PolicyIssue>();
        for (int i = 0; i < config.Response.Ladder.Count; i++)
            CheckStep(config.Response.Ladder[i], $"response.ladder[{i}]", issues);
        for (int i = 0; i < config.Windows.Count; i++)
            CheckWindow(config.Windows[i], $"windows[{i}]", issues);
        foreach (var problem in (escalation ?? EscalationOptions.Off).Validate())
            issues.Add(new PolicyIssue(PolicySeverity.Error, "response.escalation", problem));
        return new PolicyValidationResult(issues);
    }

    private static void CheckStep(LadderStep step, string path, List<PolicyIssue> issues)
    {
        if (step.Duration is { } duration)
        {
            var oneWay = step.Actions.Where(k => !ActionKinds.IsRevertible(k) && k != ActionKinds.Ticket).ToArray();
            string span = duration.ToString("c", CultureInfo.InvariantCulture);
            if (step.Actions.All(k => !ActionKinds.IsRevertible(k)))
                issues.Add(new PolicyIssue(PolicySeverity.Error, path + ".duration",
                    $"duration {span} given, but no action of this step can be undone ({string.Join(", ", step.Actions)}); remove the duration"));
            else if (oneWay.Length > 0)
                issues.Add(new PolicyIssue(PolicySeverity.Warning, path + ".duration",
                    $"{string.Join(", ", oneWay)} cannot be undone: the duration {span} does not apply to it, and it is never reverted"));
        }
        bool namesIcsServer = step.Scope?.Roles.Contains(DeviceRoles.IcsServer, StringComparer.OrdinalIgnoreCase) == true;
        var disruptive = step.Actions.Intersect(OtSafetyGate.DisruptiveKinds, StringComparer.Ordinal).ToArray();
        if (disruptive.Length > 0 && !namesIcsServer)
            issues.Add(new PolicyIssue(PolicySeverity.Warning, path + ".actions",
                $"{string.Join(", ", disruptive)} will not be taken against devices with the role {DeviceRoles.IcsServer} "
                + $"(OT safety) unless scope.roles names {DeviceRoles.IcsServer}"));
    }

    private static void CheckWindow(WindowConfig window, string path, List<PolicyIssue> issues)
    {
        if (window.Rrule is null) return;
        try
        {
            var schedule = WindowSchedule.For(window);
            _ = schedule.Overlapping(window.Start, window.Start.AddDays(1)).FirstOrDefault();
        }
        catch (WindowScheduleException e)
        {
            issues.Add(new PolicyIssue(PolicySeverity.Error, path + ".rrule", e.Message));
            return;
        }
        if (window.Tz is null)
            issues.Add(new PolicyIssue(PolicySeverity.Warning, path + ".tz",
                $"window '{window.Name}' recurs in UTC (no tz): its local times will move by an hour at daylight-saving changes"));
        if (window.Rrule.Contains("FREQ=HOURLY", StringComparison.Ordinal) || window.Rrule.Contains("FREQ=MINUTELY", StringComparison.Ordinal)
            || window.Rrule.Contains("FREQ=SECONDLY", StringComparison.Ordinal))
            issues.Add(new PolicyIssue(PolicySeverity.Warning, path + ".rrule",
                $"window '{window.Name}' recurs more often than daily; Ical.Net 5 drops such occurrences around DST changes (INTEGRATIONS.md §6.2)"));
    }
}
