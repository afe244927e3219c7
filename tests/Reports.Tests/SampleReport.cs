using AutoRespond.Brain.Ai;
using AutoRespond.Contracts;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Tests;

/// <summary>A small report: two incidents, actions in every group, a window, AI usage with an MCP server.</summary>
internal static class SampleReport
{
    public static readonly DateTimeOffset From = new(2026, 11, 4, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = From.AddDays(1);

    public static ReportModel Build()
    {
        var incidents = new List<ReportIncident>
        {
            new("inc-0a1b2c3d4e5f", "10.10.0.66", "LT-ATTACK", "Computing", From.AddHours(9), From.AddHours(11), 0.99, "ics-sabotage",
                [ModelIds.UnusualAdminRdp, ModelIds.UncommonIcsReprogram], ["T0886", "T0843"],
                "LT-ATTACK (10.10.0.66) in Computing: unusual admin RDP session, then PLC program transfer <script>alert(1)</script>.", "open"),
            new("inc-ffeeddccbbaa", "10.10.0.53", null, "Computing", From.AddHours(14), From.AddHours(14), 0.7, "command-and-control",
                [ModelIds.AiDataUpload], ["T1567"], "10.10.0.53 sent 48 MB to ChatGPT.", "acknowledged"),
        };
        var actions = new List<ReportAction>
        {
            new("act-1", "inc-0a1b2c3d4e5f", "ticket", "10.10.0.66", ActionStates.Executed, From.AddHours(9.1), null, null, "score 0.99 ≥ 0.60"),
            new("act-2", "inc-0a1b2c3d4e5f", "firewall-block", "10.10.0.66", ActionStates.DryRun, From.AddHours(9.2), From.AddHours(13.2), null, "dry-run"),
            new("act-3", "inc-0a1b2c3d4e5f", "tcp-reset", "10.10.0.66", ActionStates.SuppressedByWindow, From.AddHours(9.3), null, "EHR upgrade", "window"),
            new("act-4", "inc-ffeeddccbbaa", "switch-quarantine", "10.10.0.53", ActionStates.AwaitingConfirmation, From.AddHours(14.1), null, null, "confirm mode"),
            new("act-5", "inc-ffeeddccbbaa", "revoke-sessions", "bob@contoso.com", ActionStates.Failed, From.AddHours(14.2), null, null, "graph: 403"),
        };
        var ai = new AiUsageReport(From, To,
        [
            new AiServiceUsage("chatgpt", "ChatGPT", "OpenAI", "chat-assistant", false, From.AddHours(10), From.AddHours(14), 48_000_000, 400_000, 7, ["chatgpt.com"],
                [new AiDeviceUsage("10.10.0.53", "PC-HR-03", "bob@contoso.com", From.AddHours(10), From.AddHours(14), 48_000_000, 400_000, 7)]),
        ],
        [new McpEndpointUsage("10.20.0.50", 8080, "10.20.0.50:8080", "plant-historian", ["10.10.0.58"], ["claude-desktop"], ["read_tag"], 8, From.AddHours(11), From.AddHours(11))]);
        return new ReportModel("AutoRespond report", From, To, To.AddMinutes(5), incidents, actions,
            [new ReportWindow("EHR upgrade", From.AddHours(8), From.AddHours(12), null, "suppress", 1)],
            [new ReportDevice("10.10.0.66", "LT-ATTACK", "Computing", 0.99, 1, 9, [ModelIds.UnusualAdminRdp])], ai,
            ReportCharts.IncidentsOverTime(incidents, From, To), ReportCharts.ActionsByKind(actions));
    }
}
