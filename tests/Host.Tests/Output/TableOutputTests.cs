using AutoRespond.Contracts;
using AutoRespond.Host.Output;

namespace AutoRespond.Host.Tests.Output;

public sealed class TableOutputTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 4, 8, 44, 31, TimeSpan.Zero);

    [Fact]
    public void OnIncident_LaterRevisions_ShowOnlyWhatTheyAdd()
    {
        var text = new StringWriter();
        using (var table = new TableOutput(text))
        {
            table.OnIncident(Incident(1, [ModelIds.UnusualAdminRdp]));
            table.OnIncident(Incident(2, [ModelIds.UnusualAdminRdp, ModelIds.MultipleFailedInternalConnections]));
            table.OnIncident(Incident(3, [ModelIds.UnusualAdminRdp, ModelIds.MultipleFailedInternalConnections]));
        }
        var lines = text.ToString().Split('\n').Select(l => l.Trim()).ToArray();
        lines.ShouldContain(ModelIds.UnusualAdminRdp);
        lines.ShouldContain("+ " + ModelIds.MultipleFailedInternalConnections);
        lines.ShouldContain("(score or evidence updated)");
    }

    private static IncidentScored Incident(int revision, string[] models) =>
        new("inc-1", revision, T0.AddMinutes(revision), new DeviceRef("10.10.0.66"), T0, T0.AddMinutes(revision), 0.9,
            "lateral-movement", models, [], "summary", []);
}
