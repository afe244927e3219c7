using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class ShadowAiUsageModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_UnsanctionedServiceNewToDeviceAndZone_Breaches()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(2), "microsoft-copilot"), new ShadowAiUsageModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(AiEv.Chat(After, Background.Office(2), AiEv.ChatGptIp, "chatgpt.com"));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.ShadowAiUsage);
        breach.Device.Ip.ShouldBe(Background.Office(2));
        breach.Evidence["service"].ShouldBe("chatgpt");
        breach.Evidence["named_by"].ShouldBe("sni");
        breach.Evidence["other_devices"].ShouldBe(0);
        breach.Summary.ShouldContain("not sanctioned");
    }

    [Fact]
    public void Observe_SanctionedService_NeverBreaches()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(2), "chatgpt"), new ShadowAiUsageModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(AiEv.Chat(After, Background.Office(2), AiEv.ChatGptIp, "chatgpt.com"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_NoSniButDnsAnswerToTheDevice_NamesTheServiceAndBreaches()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(2)), new ShadowAiUsageModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(AiEv.Answer(After.AddSeconds(-1), Background.Office(4), "chat.deepseek.com", "116.205.40.114"));
        events.AddRange(AiEv.Chat(After, Background.Office(4), "116.205.40.114", sni: null));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Evidence["service"].ShouldBe("deepseek");
        breach.Evidence["named_by"].ShouldBe("dns");
    }

    [Fact]
    public void Observe_ServiceEveryoneUsedThroughLearning_DoesNotBreach()
    {
        // Every office PC chats with ChatGPT hourly during learning: one more chat by one of them is not news.
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(2)), new ShadowAiUsageModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int h = 0; h < 2; h++)
            for (int pc = 0; pc < 10; pc++)
                events.AddRange(AiEv.Chat(Ev.T0.AddHours(h).AddMinutes(3 * pc), Background.Office(pc), AiEv.ChatGptIp, "chatgpt.com"));
        events.AddRange(AiEv.Chat(After, Background.Office(2), AiEv.ChatGptIp, "chatgpt.com"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_NotAnAiService_IsNeverThisModel()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(2)), new ShadowAiUsageModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(AiEv.Chat(After, Background.Office(2), "93.184.216.34", "example.org"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
