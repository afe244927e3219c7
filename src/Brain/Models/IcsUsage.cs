using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// What a device's established sessions speak, in session-hours: an ICS protocol family ("modbus",
/// "iso-tsap", ...) or "-" for everything else, as a hierarchical categorical device → zone → organisation.
/// The tail of an ICS family for a device that never spoke it is the "first ICS use" surprise of
/// DETECTION.md §2.6(b) and §2.7; it is small when the device and its zone talk a lot but never ICS.
/// </summary>
internal sealed class IcsUsage
{
    public const string NotIcs = "-";
    public static readonly TimeSpan Dedupe = TimeSpan.FromHours(1);

    private readonly HierarchicalCategorical<string> _usage = new(v => v, k => k);

    /// <summary>True for a flow that ended after both sides sent payload (UDP: the responder answered).</summary>
    public static bool Established(FlowObserved observed)
    {
        var flow = observed.Flow;
        if (observed.Phase != FlowPhase.Ended) return false;
        return flow.Proto == "tcp" ? flow.History.Contains('D') && flow.History.Contains('d') : flow.RespBytes > 0 && flow.OrigBytes > 0;
    }

    /// <summary>The usage value of an established flow: the ICS family of its port, or "-".</summary>
    public static string ValueOf(FlowRecord flow) =>
        IcsPorts.IsIcsPort(flow.Proto, flow.RespPort) ? IcsPorts.ProtocolOf(flow.RespPort) : NotIcs;

    public void Learn(DeviceProfile device, string value, DateTimeOffset now, TimeSpan halfLife) =>
        _usage.Add(device.Id, device.GroupKey, value, now, halfLife, Dedupe);

    public bool IsNew(DeviceProfile device, string value, DateTimeOffset now, TimeSpan halfLife) =>
        _usage.IsNew(device.Id, value, now, halfLife);

    public double Tail(DeviceProfile device, string value, DateTimeOffset now, TimeSpan halfLife) =>
        _usage.Tail(device.Id, device.GroupKey, value, now, halfLife);

    /// <summary>Session-hours of the device (all values).</summary>
    public double Total(DeviceProfile device, DateTimeOffset now, TimeSpan halfLife) => _usage.Counts.Total(device.Id, now, halfLife);

    public IEnumerable<TableSnapshot> Export(string name) => _usage.Export(name);

    public void Import(StateSnapshot state, string name) => _usage.Import(state, name);
}
