using System.Runtime.InteropServices;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;

namespace AutoRespond.Sensor.Live;

/// <summary>
/// The live read loop for one interface: every packet is first checked by the <see cref="TcpResetEnforcer"/>
/// (so a reset leaves within microseconds of the packet that triggers it) and then goes through the
/// <see cref="SensorEngine"/>. Runs on its own thread until cancelled; the source's read timeout bounds
/// how long a cancellation waits.
/// While the enforcer holds reset rules, the thread runs under SCHED_FIFO (Linux, when the process may: root or
/// CAP_SYS_NICE): no ordinary thread delays its wake-up on the triggering packet, and none woken by the first RST
/// of a pair (on a busy machine, the endpoint itself) preempts it before the second has left. It returns to the
/// normal policy when the last rule goes, so the full packet work is not real-time the rest of the time.
/// </summary>
public sealed partial class LiveSensor
{
    private readonly LiveCaptureSource _source;
    private readonly SensorEngine _engine;
    private readonly TcpResetEnforcer? _enforcer;
    private readonly PacketDecoder _decoder = new();
    private readonly Lock _policyGate = new();
    private int _threadId;
    private bool _realtime;
    private bool _realtimeRefused;

    public LiveSensor(LiveCaptureSource source, SensorEngine engine, TcpResetEnforcer? enforcer = null)
    {
        _source = source;
        _engine = engine;
        _enforcer = enforcer;
        _realtimeRefused = enforcer is null || !OperatingSystem.IsLinux();
        if (!_realtimeRefused) Marshal.PrelinkAll(typeof(LiveSensor)); // bind libc now, not on the first rule
    }

    public long Packets { get; private set; }

    public Thread Start(CancellationToken cancellationToken)
    {
        var thread = new Thread(() => Run(cancellationToken)) { IsBackground = true, Name = $"sensor:{_source.InterfaceName}" };
        thread.Start();
        return thread;
    }

    public void Run(CancellationToken cancellationToken)
    {
        if (!_realtimeRefused)
        {
            lock (_policyGate) _threadId = GetThreadId();
            _enforcer!.RulesChanged += UpdatePolicy;
            UpdatePolicy();
        }
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_source.TryReadNext(out var packet)) continue;
                Packets++;
                if (_enforcer is not null && _decoder.TryDecode(packet.LinkType, packet.Data, out var decoded))
                    _enforcer.Inspect(decoded, packet.TimestampTicks);
                _engine.Process(packet);
            }
        }
        finally
        {
            if (_enforcer is not null) _enforcer.RulesChanged -= UpdatePolicy;
            lock (_policyGate)
            {
                if (_realtime) SetPolicy(false);
                _threadId = 0;
            }
        }
        _engine.Complete();
    }

    /// <summary>Real-time while the enforcer has rules, ordinary otherwise. Runs on whichever thread changed the rules.</summary>
    private void UpdatePolicy()
    {
        lock (_policyGate)
        {
            if (_threadId != 0 && !_realtimeRefused && _enforcer!.HasRules != _realtime) SetPolicy(!_realtime);
        }
    }

    private unsafe void SetPolicy(bool realtime)
    {
        const int SchedOther = 0, SchedFifo = 1;
        int priority = realtime ? 1 : 0; // the lowest real-time priority: above every ordinary thread, below the kernel's own
        if (SchedSetScheduler(_threadId, realtime ? SchedFifo : SchedOther, &priority) == 0) _realtime = realtime;
        else _realtimeRefused = true; // no privilege: stay an ordinary thread, and do not ask again
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static unsafe partial int SchedSetScheduler(int thread, int policy, int* priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
