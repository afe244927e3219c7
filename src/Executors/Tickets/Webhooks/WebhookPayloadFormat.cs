namespace AutoRespond.Executors.Tickets.Webhooks;

/// <summary>What a webhook's <c>data</c> holds.</summary>
public enum WebhookPayloadFormat
{
    /// <summary>The incident: narrative, breaches with evidence, actions (<see cref="Content.TicketContent.ToJson"/>).</summary>
    Standard,

    /// <summary><c>{"ocsf":[Incident Finding 2005, Detection Finding 2004 per breach]}</c> (<see cref="Ocsf.OcsfExport"/>).</summary>
    Ocsf,
}
