namespace AutoRespond.Reports.Model;

/// <summary>A change window that was open during the report period or shaped one of its actions.</summary>
public sealed record ReportWindow(string Name, DateTimeOffset? Start, DateTimeOffset? End, string? Rrule, string Effect, int ActionsAffected);
