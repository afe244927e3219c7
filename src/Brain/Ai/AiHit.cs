namespace AutoRespond.Brain.Ai;

/// <summary>A connection attributed to an AI service: the host name that matched and where the name came from.</summary>
/// <param name="Via"><c>sni</c> (TLS ClientHello), <c>certificate</c> (server certificate name), <c>dns</c> (a DNS
/// answer to the same device, or to any device when that one did not ask), or <c>http-host</c>.</param>
public sealed record AiHit(AiService Service, string Host, string Via);
