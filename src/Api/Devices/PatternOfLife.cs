using AutoRespond.Contracts;

namespace AutoRespond.Api.Devices;

/// <summary>
/// Counts, per address, the peers, ports, protocols and ICS commands seen in the sensor's events. Bounded: at most
/// <see cref="MaxDevices"/> addresses and <see cref="MaxPerList"/> names per list (later new names are not counted).
/// Not thread safe: the pipeline thread observes and exports.
/// </summary>
public sealed class PatternOfLife
{
    /// <summary>The baseline-store partition its snapshot is saved under, next to the brain's.</summary>
    public const string Partition = "pattern-of-life";
    public const int MaxDevices = 20_000;
    public const int MaxPerList = 64;
    private const int TopCount = 10;

    private readonly Dictionary<string, Lists> _byAddress = new(StringComparer.Ordinal);

    public void Observe(NetworkEvent e)
    {
        switch (e)
        {
            case FlowObserved { Phase: FlowPhase.Ended, Flow: var f }:
                string port = $"{f.RespPort}/{f.Proto}";
                string protocol = f.Service ?? f.Proto;
                if (For(f.OrigIp) is { } orig) { orig.Peers.Add(f.RespIp); orig.Ports.Add(port); orig.Protocols.Add(protocol); }
                if (For(f.RespIp) is { } resp) { resp.Peers.Add(f.OrigIp); resp.Ports.Add(port); resp.Protocols.Add(protocol); }
                break;
            case IcsCommandSeen c:
                string command = $"{c.Protocol}:{c.Function}";
                For(c.Client)?.Commands.Add(command);
                For(c.Server)?.Commands.Add(command);
                break;
        }
    }

    /// <summary>The top names of every address, for the API.</summary>
    public IReadOnlyDictionary<string, DevicePattern> Export() =>
        _byAddress.ToDictionary(p => p.Key, p => p.Value.ToPattern(), StringComparer.Ordinal);

    private Lists? For(string address)
    {
        if (_byAddress.TryGetValue(address, out var lists)) return lists;
        if (_byAddress.Count >= MaxDevices) return null;
        return _byAddress[address] = new Lists();
    }

    private sealed class Lists
    {
        public Counts Peers { get; } = new();
        public Counts Ports { get; } = new();
        public Counts Protocols { get; } = new();
        public Counts Commands { get; } = new();

        public DevicePattern ToPattern() => new(Peers.Top(), Ports.Top(), Protocols.Top(), Commands.Top());
    }

    private sealed class Counts
    {
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

        public void Add(string name)
        {
            if (_counts.TryGetValue(name, out var n)) _counts[name] = n + 1;
            else if (_counts.Count < MaxPerList) _counts[name] = 1;
        }

        public IReadOnlyList<Tally> Top() =>
            [.. _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(TopCount).Select(c => new Tally(c.Key, c.Value))];
    }
}
