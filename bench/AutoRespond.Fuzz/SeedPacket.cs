namespace AutoRespond.Fuzz;

/// <summary>One frame of a seed trace, with its capture timestamp (UTC ticks) and link type.</summary>
public sealed record SeedPacket(int LinkType, byte[] Frame, long Ticks);
