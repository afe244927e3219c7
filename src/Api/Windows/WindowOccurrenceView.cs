namespace AutoRespond.Api.Windows;

/// <summary>One occurrence of a window in a time range (the console's calendar).</summary>
public sealed record WindowOccurrenceView(string Id, string Name, string Effect, DateTimeOffset Start, DateTimeOffset End);
