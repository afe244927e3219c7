namespace AutoRespond.Api.Windows;

/// <summary>What an iCalendar import did.</summary>
public sealed record IcsImportResult(int Created, int Updated, IReadOnlyList<WindowView> Windows);
