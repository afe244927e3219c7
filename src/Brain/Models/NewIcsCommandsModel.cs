using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// The shared machinery of DETECTION.md §2.9 and §2.10. A command key (<see cref="IcsSemantics.Key"/>) is new
/// when its decayed count for the (src, dst) pair is below ½ (30-day half-life). N_new = distinct new
/// (dst, key) items from the src in a sliding hour, D = distinct dsts among them. π = Fisher(π_N, π_novelty):
/// π_N = Gamma–Poisson tail of N_new against the src's new items per hour (its zone's rate as prior; the
/// src's first hour after first sight is not learnt, so a sensor start does not teach "everything is new"),
/// π_novelty = 1 for a src with the ICS-client role in baseline, else the Jeffreys share of its zone's
/// devices that are ICS clients. m = 24.
/// </summary>
public abstract class NewIcsCommandsModel : IAnomalyModel
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public const double WindowsPerDay = 24;
    private const double DefaultRate = 0.1;
    private const double PriorWeight = 2;

    private readonly CategoricalCounts<(string Server, string Key)> _pairKeys =
        new(v => SnapshotKey.Join(v.Server, v.Key), k => SnapshotKey.Split(k) is [var s, var c] ? (s, c) : (k, ""));
    private readonly Dictionary<(string, string, string?), string> _keys = [];
    private readonly WindowedRate _newItems = new(Window);
    private readonly Dictionary<string, string> _outcomes = new(StringComparer.Ordinal);

    public abstract string Id { get; }

    public EventKinds Reads => EventKinds.IcsCommand;

    /// <summary>The command classes this model reads.</summary>
    protected abstract bool Accepts(IcsCommandSeen command);

    /// <summary>Decides, scores and proposes a breach for a command whose key is new for its pair.</summary>
    protected abstract void OnNew(DeviceProfile src, IcsCommandSeen command, NewItems items, BrainContext context);

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not IcsCommandSeen command || !Accepts(command)) return;
        var src = context.Devices.Find(command.Client);
        if (src is null) return;
        var halfLife = context.Options.IcsHalfLife;
        bool mature = context.Now - src.FirstSeen >= Window;
        _newItems.Roll(src.Id, src.ZoneName, context.Now, halfLife, context.Learns && mature);
        string key = KeyOf(command);
        var pairKey = (command.Server, key);
        if (_pairKeys.Count(src.Id, pairKey, context.Now, halfLife) < 0.5)
        {
            string item = command.Server + " " + key;
            _newItems.Add(src.Id, item, context.Now);
            if (_outcomes.Count >= 100_000) _outcomes.Clear();
            _outcomes[src.Id + "|" + item] = command.Outcome;
            OnNew(src, command, Items(src, context), context);
        }
        if (context.Learns) _pairKeys.Add(src.Id, pairKey, context.Now, halfLife);
    }

    /// <summary><see cref="IcsSemantics.Key"/>, remembered per (protocol, function, detail): pollers repeat themselves.</summary>
    private string KeyOf(IcsCommandSeen command)
    {
        var raw = (command.Protocol, command.Function, command.Detail);
        if (_keys.TryGetValue(raw, out var key)) return key;
        key = IcsSemantics.Key(command);
        if (_keys.Count >= 50_000) _keys.Clear();
        _keys[raw] = key;
        return key;
    }

    private NewItems Items(DeviceProfile src, BrainContext context)
    {
        var items = _newItems.Items(src.Id);
        var dsts = new SortedSet<string>(StringComparer.Ordinal);
        var sample = new List<string>(Math.Min(items.Count, 20));
        foreach (string item in items)
        {
            dsts.Add(item[..item.IndexOf(' ', StringComparison.Ordinal)]);
            if (sample.Count < 20)
                sample.Add(item + (_outcomes.TryGetValue(src.Id + "|" + item, out var outcome) ? " (" + outcome + ")" : ""));
        }
        var halfLife = context.Options.IcsHalfLife;
        var (alpha, beta) = _newItems.Posterior(src.Id, src.ZoneName, DefaultRate, PriorWeight, context.Now, halfLife);
        double piCount = GammaPoisson.UpperTail(alpha, beta, items.Count);
        double piNovelty = Novelty(src, context);
        double pi = PValues.Fisher([piCount, piNovelty]);
        return new NewItems(items.Count, dsts.Count, [.. dsts], sample, alpha / beta, piCount, piNovelty, pi,
            Scoring.Sidak(pi, WindowsPerDay));
    }

    /// <summary>1 for an ICS client in baseline; else the Jeffreys share of ICS clients among the zone's other devices.</summary>
    private static double Novelty(DeviceProfile src, BrainContext context)
    {
        if (context.HasRole(src, DeviceRole.IcsClient)) return 1;
        int clients = 0, devices = 0;
        foreach (var device in context.Devices.All)
        {
            if (device == src || device.ZoneName != src.ZoneName) continue;
            devices++;
            if (context.HasRole(device, DeviceRole.IcsClient)) clients++;
        }
        return BetaBernoulli.Jeffreys(clients, devices);
    }

    protected static Dictionary<string, object> Evidence(NewItems items, IcsCommandSeen command) => new()
    {
        ["new_commands"] = items.Count,
        ["new_command_targets"] = items.Targets,
        ["commands"] = items.Sample.ToArray(),
        ["flow_uid"] = command.FlowUid,
        ["protocol"] = command.Protocol,
        ["expected_per_hour"] = Math.Round(items.Expected, 3),
        ["p_count"] = items.PCount,
        ["p_novelty"] = items.PNovelty,
        ["p"] = items.P,
    };

    protected static string Describe(DeviceProfile src, NewItems items, string kind) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{src.Ip} issued {items.Count} {kind} commands new for their targets within an hour to {items.Targets} device(s) ({string.Join(", ", items.Sample.Take(3))}); it usually issues {items.Expected:0.##} an hour (p = {items.PCount:0.####}), ICS novelty p = {items.PNovelty:0.####}, combined {Scoring.FormatP(items.P)}");

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot>();
        tables.AddRange(_pairKeys.Export("pair-keys"));
        tables.AddRange(_newItems.Export("new-items"));
        var outcomes = new List<SnapshotRow>(_outcomes.Count);
        foreach (var (key, outcome) in _outcomes) outcomes.Add(new SnapshotRow(SnapshotKey.Join(key, outcome)));
        tables.Add(new TableSnapshot("outcomes", outcomes));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _pairKeys.Import(state, "pair-keys");
        _newItems.Import(state, "new-items");
        _outcomes.Clear();
        foreach (var row in state.Table("outcomes")?.Rows ?? [])
        {
            var parts = SnapshotKey.Split(row.Key);
            _outcomes[parts[0]] = parts[1];
        }
    }

    /// <summary>The new items of a src's sliding hour and their statistics.</summary>
    protected sealed record NewItems(int Count, int Targets, IReadOnlyList<string> Peers, IReadOnlyList<string> Sample,
        double Expected, double PCount, double PNovelty, double P, double Score);
}
