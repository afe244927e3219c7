using System.Runtime.InteropServices;
using SharpPcap;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;
using SharpPcap.LibPcap;

namespace AutoRespond.Sensor.Capture;

/// <summary>Settings for a live capture.</summary>
public sealed record LiveCaptureOptions
{
    /// <summary>BPF filter, e.g. "tcp or udp"; null captures everything.</summary>
    public string? Filter { get; init; }

    public int SnapLength { get; init; } = 65535;

    public bool Promiscuous { get; init; } = true;

    /// <summary>libpcap ring size in bytes (BufferSize; KernelBufferSize throws on Linux).</summary>
    public int BufferSize { get; init; } = 64 * 1024 * 1024;

    /// <summary>How long one read may block, in milliseconds.</summary>
    public int ReadTimeoutMilliseconds { get; init; } = 100;
}

/// <summary>Packet and drop counters reported by libpcap.</summary>
public readonly record struct LiveCaptureStatistics(long Received, long Dropped, long InterfaceDropped);

/// <summary>
/// Live capture on one interface through SharpPcap's <see cref="LibPcapLiveDevice"/> with immediate delivery (libpcap then
/// uses TPACKET_V2: every packet wakes the reader, none waits for a block to fill). SharpPcap opens and configures the
/// handle; reads and sends call libpcap directly: the handle is non-blocking and <see cref="TryReadNext"/> waits in
/// poll(2) itself, because a blocking <c>pcap_next_ex</c> on TPACKET_V2 (libpcap 1.10) never returns on its timeout
/// while no packet comes, so a reader could not be stopped. A packet costs no managed allocation; its data is valid
/// until the next read.
/// </summary>
public sealed unsafe class LiveCaptureSource : IPacketInjector, IDisposable
{
    private readonly LibPcapLiveDevice _device;
    private readonly bool _nanosecond;
    private readonly IntPtr _pcap;
    private readonly int _fd;
    private readonly int _timeoutMilliseconds;

    public LiveCaptureSource(string interfaceName, LiveCaptureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interfaceName);
        options ??= new LiveCaptureOptions();
        _device = LibPcapLiveDeviceList.New().FirstOrDefault(d => d.Name == interfaceName)
            ?? throw new CaptureException($"{interfaceName}: no such capture interface");
        try
        {
            _device.Open(new DeviceConfiguration
            {
                Mode = options.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
                Snaplen = options.SnapLength,
                Immediate = true,
                BufferSize = options.BufferSize,
                ReadTimeout = options.ReadTimeoutMilliseconds,
            });
            if (!string.IsNullOrWhiteSpace(options.Filter))
            {
                _device.Filter = options.Filter;
            }
            _fd = Pcap.SelectableFd(_device.Handle.DangerousGetHandle());
            _device.NonBlockingMode = _fd >= 0; // without a descriptor to poll (Windows), libpcap's own timeout applies
        }
        catch (PcapException ex)
        {
            _device.Dispose();
            throw new CaptureException($"{interfaceName}: cannot capture: {ex.Message}", ex);
        }

        InterfaceName = interfaceName;
        var mac = _device.MacAddress?.GetAddressBytes();
        HardwareAddress = mac is { Length: 6 } ? MacAddress.Read(mac) : default;
        LinkType = (int)_device.LinkType;
        _nanosecond = _device.TimestampResolution == TimestampResolution.Nanosecond;
        _pcap = _device.Handle.DangerousGetHandle();
        _timeoutMilliseconds = Math.Max(1, options.ReadTimeoutMilliseconds);
    }

    public string InterfaceName { get; }

    public int LinkType { get; }

    /// <summary>The interface's own MAC (zero when it has none): the Ethernet source of injected frames.</summary>
    public MacAddress HardwareAddress { get; }

    /// <summary>Compiles the send path now, so the first reset does not wait for the JIT.</summary>
    public void WarmUp() => System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(
        typeof(LiveCaptureSource).GetMethod(nameof(Inject))!.MethodHandle);

    /// <summary>Sends a frame out of this interface (pcap_sendpacket). Throws <see cref="CaptureException"/> on failure.</summary>
    public void Inject(ReadOnlySpan<byte> frame)
    {
        fixed (byte* bytes = frame)
        {
            if (Pcap.SendPacket(_pcap, bytes, frame.Length) != 0)
                throw new CaptureException($"{InterfaceName}: cannot send: {Marshal.PtrToStringUTF8(Pcap.GetError(_pcap))}");
        }
    }

    /// <summary>Names of the interfaces libpcap can open.</summary>
    public static IReadOnlyList<string> ListInterfaces() => LibPcapLiveDeviceList.New().Select(d => d.Name).ToList();

    /// <summary>Waits up to the read timeout for a packet. False on timeout (no packet) or on a capture error.</summary>
    public bool TryReadNext(out RawPacket packet)
    {
        IntPtr header = IntPtr.Zero, data = IntPtr.Zero;
        int read = Pcap.NextEx(_pcap, &header, &data);
        if (read == 0 && _fd >= 0)
        {
            // Nothing in the ring: sleep in poll until the kernel hands one over (or the timeout passes).
            var wait = new PollFd { Fd = _fd, Events = PollIn };
            if (Pcap.Poll(&wait, 1, _timeoutMilliseconds) > 0) read = Pcap.NextEx(_pcap, &header, &data);
        }
        if (read != 1 || header == IntPtr.Zero)
        {
            if (read < 0) Thread.Sleep(_timeoutMilliseconds); // a capture error (interface gone): do not spin
            packet = default;
            return false;
        }

        byte* h = (byte*)header;
        long seconds, fraction;
        int tvSize;
        if (OperatingSystem.IsWindows())
        {
            seconds = *(int*)h;
            fraction = *(int*)(h + 4);
            tvSize = 8;
        }
        else if (OperatingSystem.IsMacOS())
        {
            seconds = *(long*)h;
            fraction = *(int*)(h + 8);
            tvSize = 16;
        }
        else
        {
            seconds = (long)((CLong*)h)->Value;
            fraction = (long)((CLong*)h)[1].Value;
            tvSize = 2 * sizeof(CLong);
        }

        int capLength = (int)*(uint*)(h + tvSize);
        int length = (int)*(uint*)(h + tvSize + 4);
        long ticks = Timestamps.FromUnix(seconds, fraction, _nanosecond ? 9 : 6);
        packet = new RawPacket(ticks, LinkType, length, new ReadOnlySpan<byte>((void*)data, capLength));
        return true;
    }

    /// <summary>libpcap's counters: received, dropped by the kernel buffer, dropped by the interface.</summary>
    public LiveCaptureStatistics GetStatistics()
    {
        ICaptureStatistics s = _device.Statistics;
        return new LiveCaptureStatistics(s.ReceivedPackets, s.DroppedPackets, s.InterfaceDroppedPackets);
    }

    /// <summary>Closes the capture. No thread may be reading or sending any more.</summary>
    public void Dispose()
    {
        _device.Close();
        _device.Dispose();
    }

    private const short PollIn = 0x001;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>The few libpcap and libc entry points of the hot path, bound once (SharpPcap has loaded libpcap already).</summary>
    private static class Pcap
    {
        private static readonly IntPtr Library = Load();
        private static readonly delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int> NextExFn =
            (delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int>)NativeLibrary.GetExport(Library, "pcap_next_ex");
        private static readonly delegate* unmanaged<IntPtr, byte*, int, int> SendPacketFn =
            (delegate* unmanaged<IntPtr, byte*, int, int>)NativeLibrary.GetExport(Library, "pcap_sendpacket");
        private static readonly delegate* unmanaged<IntPtr, IntPtr> GetErrorFn =
            (delegate* unmanaged<IntPtr, IntPtr>)NativeLibrary.GetExport(Library, "pcap_geterr");
        private static readonly delegate* unmanaged<IntPtr, int> SelectableFdFn =
            NativeLibrary.TryGetExport(Library, "pcap_get_selectable_fd", out var fd) ? (delegate* unmanaged<IntPtr, int>)fd : null;
        private static readonly delegate* unmanaged<PollFd*, nuint, int, int> PollFn =
            NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "poll", out var poll)
                ? (delegate* unmanaged<PollFd*, nuint, int, int>)poll : null;

        public static int NextEx(IntPtr pcap, IntPtr* header, IntPtr* data) => NextExFn(pcap, header, data);

        public static int SendPacket(IntPtr pcap, byte* frame, int length) => SendPacketFn(pcap, frame, length);

        public static IntPtr GetError(IntPtr pcap) => GetErrorFn(pcap);

        /// <summary>The descriptor to poll, or -1 when there is none (or no poll to wait on it).</summary>
        public static int SelectableFd(IntPtr pcap) => SelectableFdFn is null || PollFn is null ? -1 : SelectableFdFn(pcap);

        public static int Poll(PollFd* fds, int count, int timeoutMilliseconds) => PollFn(fds, (nuint)count, timeoutMilliseconds);

        private static IntPtr Load()
        {
            foreach (string name in (string[])["libpcap.so.1", "libpcap.so.0.8", "libpcap.so", "libpcap.A.dylib", "libpcap.dylib", "wpcap"])
                if (NativeLibrary.TryLoad(name, out var handle)) return handle;
            throw new CaptureException("libpcap is not installed");
        }
    }
}
