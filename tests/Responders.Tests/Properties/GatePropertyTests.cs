using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AutoRespond.Responders.Tests.Properties;

/// <summary>Safety properties of the gates over random incidents, policies, windows and protected sets.</summary>
public sealed class GatePropertyTests
{
    private static readonly string[] InForce = [ActionStates.Executed, ActionStates.DryRun, ActionStates.AwaitingConfirmation];

    private static bool Counted(ActionDecision d) => d.Kind != ActionKinds.Ticket && InForce.Contains(d.State);

    [Property(MaxTest = 150)]
    public Property ProtectedDevice_IsNeverActioned() =>
        Prop.ForAll(Scenario.Arbitrary(), scenario => scenario.Run()
            .Where(d => scenario.Protected.Contains(d.Target))
            .All(d => d.Kind == ActionKinds.Ticket || !InForce.Contains(d.State)));

    [Property(MaxTest = 150)]
    public Property SuppressWindow_NeverLetsAnActionThrough() =>
        Prop.ForAll(Scenario.Arbitrary(), scenario => scenario.Run()
            .Where(d => scenario.Windows.Any(w => w.Effect == WindowEffect.Suppress && Covers(w, d)))
            .All(d => !InForce.Contains(d.State)));

    [Property(MaxTest = 150)]
    public Property Limits_AreNeverExceeded() =>
        Prop.ForAll(Scenario.Arbitrary(), scenario =>
        {
            var limits = scenario.Response.Limits;
            var counted = scenario.Run().Where(Counted).ToArray();
            return counted.All(d =>
                counted.Count(o => o.Time <= d.Time && (o.Expires is null || o.Expires > d.Time)) <= limits.MaxActiveActions
                && counted.Count(o => o.Time <= d.Time && o.Time >= d.Time - TimeSpan.FromHours(1)) <= limits.MaxNewActionsPerHour);
        });

    /// <summary>An independent oracle for the generated windows (one-off, or daily in UTC): open at the time, device in scope.</summary>
    private static bool Covers(WindowConfig w, ActionDecision d)
    {
        var device = System.Net.IPAddress.Parse(d.Target);
        if (w.Scope.Devices.Count > 0 && !w.Scope.Devices.Any(n => n.Contains(device))) return false;
        if (w.Rrule is null) return d.Time >= w.Start && d.Time < w.End;
        if (d.Time < w.Start) return false;
        var sinceStart = (d.Time - w.Start).Ticks % TimeSpan.FromDays(1).Ticks;
        return sinceStart < (w.End - w.Start).Ticks;
    }
}
