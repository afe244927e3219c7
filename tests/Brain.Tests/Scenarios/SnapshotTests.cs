using System.Text.Json;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Scenarios;

public sealed class SnapshotTests
{
    [Theory]
    [InlineData(2.0)]   // learning ends: all baselines, no breach yet
    [InlineData(2.6)]   // in the middle of the attack: sliding windows, pending RDP, cool-downs
    public void ExportImport_ReplayInTwoHalves_GivesTheBreachesOfOneRun(double splitHours)
    {
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(4));
        events.AddRange(Story.Attack(Ev.T0.AddHours(2.5)));
        events = events.OrderBy(e => e.Time).ToList();

        var (whole, expected) = Ev.Brain(TimeSpan.FromHours(2));
        whole.Run(events);

        var split = Ev.T0.AddHours(splitHours);
        var (first, firstFound) = Ev.Brain(TimeSpan.FromHours(2));
        foreach (var e in events.Where(e => e.Time < split)) first.Process(e);
        string json = JsonSerializer.Serialize(first.Export());
        var restored = JsonSerializer.Deserialize<BrainSnapshot>(json)!;

        var (second, secondFound) = Ev.Brain(TimeSpan.FromHours(2));
        second.Import(restored);
        foreach (var e in events.Where(e => e.Time >= split)) second.Process(e);

        var actual = firstFound.Breaches.Concat(secondFound.Breaches).Select(Key).ToList();
        expected.Breaches.Count.ShouldBeGreaterThan(10);
        actual.ShouldBe(expected.Breaches.Select(Key).ToList());
        second.Devices.Find(Story.Attacker)!.FirstSeen.ShouldBe(whole.Devices.Find(Story.Attacker)!.FirstSeen);
    }

    [Fact]
    public void Import_AfterRestart_KnownDevicesAreNotNew()
    {
        var (first, _) = Ev.Brain(TimeSpan.FromHours(2));
        first.Run(Background.Plant(Ev.T0, Ev.T0.AddHours(3)));
        var snapshot = JsonSerializer.Deserialize<BrainSnapshot>(JsonSerializer.Serialize(first.Export()))!;

        var (second, found) = Ev.Brain(TimeSpan.FromHours(2));
        second.Import(snapshot);
        second.Devices.Count.ShouldBe(first.Devices.Count);
        second.Devices.Find(Background.Hmi)!.IcsClientSince.ShouldNotBeNull();
        // Business as usual the next hour: nothing new, nothing learning again.
        second.Run(Background.Plant(Ev.T0.AddHours(3), Ev.T0.AddHours(4)).Where(e => e is not DeviceSeen));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Import_UnknownVersion_Throws()
    {
        var (brain, _) = Ev.Brain(TimeSpan.Zero);
        Should.Throw<NotSupportedException>(() => brain.Import(new BrainSnapshot(99, null, Ev.T0, [], [])));
    }

    private static string Key(Breach b) => $"{b.Model}|{b.Device.Ip}|{b.Time:O}|{b.Score}|{b.Summary}|{b.Id}";
}
