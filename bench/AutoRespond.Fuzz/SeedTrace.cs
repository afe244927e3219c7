namespace AutoRespond.Fuzz;

/// <summary>The packets of one seed capture in capture order, so mutated flows still have handshakes and requests.</summary>
public sealed record SeedTrace(string Name, IReadOnlyList<SeedPacket> Packets);
