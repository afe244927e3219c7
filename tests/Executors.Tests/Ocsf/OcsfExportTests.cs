using System.Text.Json.Nodes;
using AutoRespond.Contracts;
using AutoRespond.Executors.Ocsf;
using AutoRespond.Executors.Tests.Tickets;
using AutoRespond.Executors.Tickets.Content;

namespace AutoRespond.Executors.Tests.Ocsf;

public sealed class OcsfExportTests
{
    /// <summary>INTEGRATIONS.md §5.1, required attributes of Detection Finding (2004).</summary>
    private static readonly string[] DetectionRequired =
        ["activity_id", "category_uid", "class_uid", "type_uid", "time", "severity_id", "metadata", "finding_info"];

    /// <summary>INTEGRATIONS.md §5.1, required attributes of Incident Finding (2005).</summary>
    private static readonly string[] IncidentRequired =
        ["activity_id", "category_uid", "class_uid", "type_uid", "time", "severity_id", "metadata", "finding_info_list", "status_id"];

    [Fact]
    public void DetectionFinding_EachBreach_HasEveryRequiredAttribute()
    {
        var incident = TicketHarness.Incident(3);

        var findings = OcsfExport.DetectionFindings(incident);

        findings.Count.ShouldBe(3);
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            DetectionRequired.ShouldAllBe(name => f[name] != null);
            f["class_uid"]!.GetValue<int>().ShouldBe(2004);
            f["category_uid"]!.GetValue<int>().ShouldBe(2);
            f["activity_id"]!.GetValue<int>().ShouldBe(1);
            f["type_uid"]!.GetValue<long>().ShouldBe(200401);
            f["time"]!.GetValue<long>().ShouldBe(incident.Breaches[i].Time.ToUnixTimeMilliseconds());
            f["severity_id"]!.GetValue<int>().ShouldBeInRange(1, 5);
            MetadataValid(f["metadata"]!);
            f["finding_info"]!["uid"]!.GetValue<string>().ShouldBe(incident.Breaches[i].Id);
            f["evidences"]![0]!["src_endpoint"]!["ip"]!.GetValue<string>().ShouldBe("10.10.0.66");
            foreach (var attack in f["finding_info"]!["attacks"]!.AsArray())
                (attack!["tactic"] ?? attack["technique"] ?? attack["sub_technique"]).ShouldNotBeNull();
        }
        findings[0]["finding_info"]!["attacks"]![0]!["technique"]!["uid"]!.GetValue<string>().ShouldBe("T0869");
        findings[0]["evidences"]![0]!["data"]!["server"]!.GetValue<string>().ShouldBe("203.0.113.50");
    }

    [Fact]
    public void IncidentFinding_Incident_HasEveryRequiredAttributeAndAnAssigneeGroup()
    {
        var incident = TicketHarness.Incident(2);
        TicketActionLine[] actions = [new("act-fw", ActionKinds.FirewallBlock, "executed", "10.10.0.66", null)];

        var f = OcsfExport.IncidentFinding(incident, actions);

        IncidentRequired.ShouldAllBe(name => f[name] != null);
        (f["assignee"] ?? f["assignee_group"]).ShouldNotBeNull();
        f["assignee_group"]!["name"]!.GetValue<string>().ShouldBe("SOC");
        f["class_uid"]!.GetValue<int>().ShouldBe(2005);
        f["type_uid"]!.GetValue<long>().ShouldBe(200501);
        f["time"]!.GetValue<long>().ShouldBe(incident.Time.ToUnixTimeMilliseconds());
        f["status_id"]!.GetValue<int>().ShouldBe(1);
        MetadataValid(f["metadata"]!);
        f["metadata"]!["profiles"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["incident"]);
        f["finding_info_list"]!.AsArray().Select(i => i!["uid"]!.GetValue<string>()).ShouldBe(["b-1", "b-2"]);
        f["unmapped"]!["actions"]![0]!.GetValue<string>().ShouldContain("act-fw firewall-block");
    }

    [Fact]
    public void IncidentFinding_Closed_CloseActivityAndResolvedStatus()
    {
        var f = OcsfExport.IncidentFinding(TicketHarness.Incident(), activityId: OcsfExport.ActivityClose, statusId: OcsfExport.StatusResolved);

        f["activity_id"]!.GetValue<int>().ShouldBe(3);
        f["type_uid"]!.GetValue<long>().ShouldBe(200503);
        f["status"]!.GetValue<string>().ShouldBe("Resolved");
    }

    [Fact]
    public void Export_Incident_IncidentFindingFirstThenEachBreach()
    {
        var all = OcsfExport.Export(TicketHarness.Incident(2));

        all.Select(e => e!["class_uid"]!.GetValue<int>()).ShouldBe([2005, 2004, 2004]);
    }

    [Theory]
    [InlineData("T0846", "TA0102", "Remote System Discovery")]
    [InlineData("T0855", "TA0106", "Unauthorized Command Message")]
    public void AttackObject_IcsTechnique_NamedWithItsTactic(string id, string tactic, string name)
    {
        var attack = OcsfAttack.Object(id);

        attack["technique"]!["uid"]!.GetValue<string>().ShouldBe(id);
        attack["technique"]!["name"]!.GetValue<string>().ShouldBe(name);
        attack["tactic"]!["uid"]!.GetValue<string>().ShouldBe(tactic);
        attack["version"]!.GetValue<string>().ShouldBe("18.0");
    }

    [Fact]
    public void AttackObject_SubTechnique_TechniqueAndSubTechnique()
    {
        var attack = OcsfAttack.Object("T1021.001");

        attack["technique"]!["uid"]!.GetValue<string>().ShouldBe("T1021");
        attack["sub_technique"]!["uid"]!.GetValue<string>().ShouldBe("T1021.001");
    }

    [Theory]
    [InlineData(0.99, 5)]
    [InlineData(0.85, 4)]
    [InlineData(0.65, 3)]
    [InlineData(0.4, 2)]
    [InlineData(0.1, 1)]
    public void SeverityId_Score_MappedToTheOcsfScale(double score, int expected) =>
        OcsfExport.SeverityId(score).ShouldBe(expected);

    private static void MetadataValid(JsonNode metadata)
    {
        metadata["version"]!.GetValue<string>().ShouldBe("1.8.0");
        var product = metadata["product"]!;
        (product["name"] ?? product["uid"]).ShouldNotBeNull();
    }
}
