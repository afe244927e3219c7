using AutoRespond.Sensor.Capture;
using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// A named synthetic capture: a network, its background traffic and, for attack scenarios, the attack. Writing is
/// deterministic for a seed; the recommended configuration for replaying it is <see cref="Config"/>.
/// </summary>
public abstract class Scenario
{
    public abstract string Name { get; }

    /// <summary>One line for <c>--list</c> and <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <summary>The configuration (YAML) to replay the capture with: zones, learning period, response, windows.</summary>
    public abstract string Config { get; }

    /// <summary>Default length of the background traffic.</summary>
    public abstract TimeSpan DefaultBackground { get; }

    /// <summary>What the background length measures, e.g. "hours of background before the attack".</summary>
    public abstract string BackgroundMeaning { get; }

    /// <summary>Writes the capture to <paramref name="path"/> (pcap, microsecond timestamps, Ethernet with 802.1Q tags).</summary>
    public SimulationResult Write(string path, SimulationOptions options)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        return Write(stream, options);
    }

    public SimulationResult Write(Stream output, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var background = options.Background ?? DefaultBackground;
        if (background <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), background, "the background must be longer than zero");
        using var writer = new PcapWriter(output, leaveOpen: true);
        var sim = new Simulator(writer, options.Seed);
        var timeline = new Timeline();
        var (start, end) = Build(sim, timeline, background);
        sim.Run(end);
        return new SimulationResult(Name, options.Seed, writer.PacketsWritten, start, end, timeline.Milestones);
    }

    /// <summary>Creates the network, schedules its traffic and returns the capture's start and end.</summary>
    private protected abstract (DateTimeOffset Start, DateTimeOffset End) Build(Simulator sim, Timeline timeline, TimeSpan background);
}
