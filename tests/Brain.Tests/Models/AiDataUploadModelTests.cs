using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class AiDataUploadModelTests
{
    private static List<NetworkEvent> Habit(int hours)
    {
        // Five PCs chat with Copilot several times an hour, sending a few tens of kB each hour.
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(hours + 1));
        for (int h = 0; h < hours; h++)
            for (int pc = 0; pc < 5; pc++)
                for (int n = 0; n < 3; n++)
                    events.AddRange(AiEv.Chat(Ev.T0.AddHours(h).AddMinutes(5 + 15 * n + pc), Background.Office(pc), AiEv.CopilotIp,
                        "copilot.microsoft.com", up: 8_000 + 1_000 * n, down: 60_000));
        return events;
    }

    [Fact]
    public void Observe_FiftyMegabytesToAnAiService_Breaches()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(4), "microsoft-copilot"), new AiDataUploadModel());
        var events = Habit(5);
        events.AddRange(AiEv.Chat(Ev.T0.AddHours(5.2), Background.Office(1), AiEv.ChatGptIp, "chatgpt.com", up: 50_000_000, down: 9_000));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.AiDataUpload);
        breach.Device.Ip.ShouldBe(Background.Office(1));
        breach.Evidence["service"].ShouldBe("chatgpt");
        breach.Evidence["sanctioned"].ShouldBe(false);
        ((double)breach.Evidence["bytes_this_hour"]).ShouldBeGreaterThan(49_000_000);
    }

    [Fact]
    public void Observe_UsualChats_DoNotBreach()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(4), "microsoft-copilot"), new AiDataUploadModel());
        brain.Run(Habit(8));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_LargeUploadToAHostThatIsNotAnAiService_IsNotThisModel()
    {
        var (brain, found) = Ev.Brain(AiEv.Options(TimeSpan.FromHours(4)), new AiDataUploadModel());
        var events = Habit(5);
        events.AddRange(AiEv.Chat(Ev.T0.AddHours(5.2), Background.Office(1), "93.184.216.34", "files.example.org", up: 50_000_000));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
