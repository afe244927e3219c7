using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>bus:</c>: the transport, and the broker URI that RabbitMQ needs.</summary>
internal static class BusSectionBinder
{
    private static readonly string[] Keys = ["transport", "uri"];

    private static readonly ValueKind<BusTransport> Transport =
        ValueKinds.OneOf(("in-memory", BusTransport.InMemory), ("rabbitmq", BusTransport.RabbitMq));

    public static BusConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "bus", Keys) is not { } section)
        {
            return BusConfig.Default;
        }

        var transport = section.GetValue("transport", Transport);
        if (transport is null && section.Has("transport"))
        {
            section.Get("uri", ValueKinds.AmqpUri); // the transport is reported; still check the URI's form
            return BusConfig.Default;
        }

        if (transport == BusTransport.RabbitMq)
        {
            return new BusConfig(BusTransport.RabbitMq, section.Get("uri", ValueKinds.AmqpUri, required: true));
        }

        section.RejectIfPresent("uri", "'uri' is only used with transport: rabbitmq");

        return new BusConfig(BusTransport.InMemory, null);
    }
}
