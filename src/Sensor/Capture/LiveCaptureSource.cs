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
/// Live capture on one interface through SharpPcap's <see cref="LibPcapLiveDevice"/> with immediate delivery.
/// Reads use <c>GetNextPacketPointers</c>, so a packet costs no managed allocation; the data is valid until the next read.
/// </summary>
public sealed unsafe class LiveCaptureSource : IPacketInjector, IDisposable
{
    private readonly LibPcapLiveDevice _device;
    private readonly bool _nanosecond;

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
    }

    public string InterfaceName { get; }

    public int LinkType { get; }

    /// <summary>The interface's own MAC (zero when it has none): the Ethernet source of injected frames.</summary>
    public MacAddress HardwareAddress { get; }

    /// <summary>Binds SharpPcap's native send entry point now, so the first reset does not pay for it.</summary>
    public void WarmUp()
    {
        var natives = typeof(LibPcapLiveDevice).Assembly.GetType("SharpPcap.LibPcap.LibPcapSafeNativeMethods");
        foreach (var method in natives?.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Public) ?? [])
        {
            if (method.Name is "pcap_sendpacket") Marshal.Prelink(method);
        }
        System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(
            typeof(LiveCaptureSource).GetMethod(nameof(Inject))!.MethodHandle);
    }

    /// <summary>Sends a frame out of this interface (pcap_sendpacket). Throws <see cref="CaptureException"/> on failure.</summary>
    public void Inject(ReadOnlySpan<byte> frame)
    {
        try
        {
            _device.SendPacket(frame);
        }
        catch (PcapException ex)
        {
            throw new CaptureException($"{InterfaceName}: cannot send: {ex.Message}", ex);
        }
    }

    /// <summary>Names of the interfaces libpcap can open.</summary>
    public static IReadOnlyList<string> ListInterfaces() => LibPcapLiveDeviceList.New().Select(d => d.Name).ToList();

    /// <summary>Waits up to the read timeout for a packet. False on timeout (no packet) or when the capture ended.</summary>
    public bool TryReadNext(out RawPacket packet)
    {
        IntPtr header = IntPtr.Zero, data = IntPtr.Zero;
        if (_device.GetNextPacketPointers(ref header, ref data) != 1 || header == IntPtr.Zero)
        {
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

    public void Dispose()
    {
        _device.Close();
        _device.Dispose();
    }
}
