using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Integration.Tests.Bus;

public sealed class BusSettingsTests
{
    [Fact]
    public void ToString_WithPassword_MasksIt()
    {
        var settings = new BusSettings(BusTransport.RabbitMq, new Uri("amqp://responder:s3cr%40t@mq.example:5672/prod"));

        var text = settings.ToString();

        text.ShouldNotContain("s3cr");
        text.ShouldContain("amqp://responder:***@mq.example:5672/prod");
    }

    [Fact]
    public void AddAutoRespondBus_RabbitMqWithoutUri_Throws()
    {
        var services = new ServiceCollection();

        Should.Throw<ArgumentException>(() => services.AddAutoRespondBus(new BusSettings(BusTransport.RabbitMq, null), _ => { }));
    }

    [Fact]
    public void AddAutoRespondBus_NonAmqpScheme_ThrowsWithoutLeakingPassword()
    {
        var services = new ServiceCollection();
        var settings = new BusSettings(BusTransport.RabbitMq, new Uri("http://guest:hunter2@127.0.0.1:5672/"));

        var error = Should.Throw<ArgumentException>(() => services.AddAutoRespondBus(settings, _ => { }));

        error.Message.ShouldNotContain("hunter2");
    }
}
