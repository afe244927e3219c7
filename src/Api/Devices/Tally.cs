namespace AutoRespond.Api.Devices;

/// <summary>A name and how often it was seen.</summary>
public sealed record Tally(string Name, long Count);
