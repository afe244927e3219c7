namespace AutoRespond.Brain.Ai;

/// <summary>One device's use of one AI service: who (address, host name, user), when, and how much went each way.</summary>
public sealed record AiDeviceUsage(string Ip, string? Hostname, string? User, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    long BytesUp, long BytesDown, int Connections);
