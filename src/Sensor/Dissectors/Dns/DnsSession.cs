using System.Collections.ObjectModel;
using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Dissectors.Dns;

/// <summary>
/// DNS over UDP 53: the first datagram decides (a DNS header with sane counts, as <see cref="Sniffer.LooksLikeDns"/>;
/// else the flow is not DNS, as before); every response with A, AAAA or CNAME answers becomes a
/// <see cref="DnsAnswerSeen"/> naming the device that asked (the receiver of the response), so flows to those
/// addresses can be named later.
/// </summary>
internal sealed class DnsSession : DissectorSession
{
    private bool _judged;

    public DnsSession(DissectorContext context)
        : base(context, DissectorKind.Dns)
    {
    }

    public override void OnDatagram(int direction, ReadOnlySpan<byte> payload, long ticks)
    {
        if (!_judged)
        {
            _judged = true;
            if (!Sniffer.LooksLikeDns(payload))
            {
                Mismatch();
                return;
            }

            Service = Services.Dns;
        }

        if (!DnsMessage.TryParse(payload, out var message) || message.Opcode != 0)
        {
            CountMalformed();
            return;
        }

        CountPdu();
        if (!message.IsResponse || (message.Addresses.Count == 0 && message.Names.Count == 0) || message.Query.Length == 0)
        {
            return;
        }

        // The response travels from the resolver to the querier: the querier is the other side of this direction.
        bool fromClientSide = FromClient(direction);
        string querier = fromClientSide ? Flow.Server : Flow.Client;
        string resolver = fromClientSide ? Flow.Client : Flow.Server;
        var addresses = new string[message.Addresses.Count];
        for (int i = 0; i < addresses.Length; i++) addresses[i] = message.Addresses[i].ToString();
        Publish(new DnsAnswerSeen(Time(ticks), Flow.Uid, querier, resolver, message.Query,
            DnsMessage.TypeName(message.QueryType), DnsMessage.RcodeName(message.Rcode),
            new ReadOnlyCollection<string>(addresses), message.Names.AsReadOnly(), message.Ttl));
    }
}
