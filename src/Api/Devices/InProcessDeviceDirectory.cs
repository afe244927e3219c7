namespace AutoRespond.Api.Devices;

/// <summary>
/// The devices of the brain running in this process (<c>run</c>): the pipeline publishes a copy now and then (the
/// brain is single-threaded), requests read the latest copy.
/// </summary>
public sealed class InProcessDeviceDirectory : IDeviceDirectory
{
    private State _current = new([], new Dictionary<string, DevicePattern>());

    public void Publish(IReadOnlyList<DeviceInfo> devices, IReadOnlyDictionary<string, DevicePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(patterns);
        Volatile.Write(ref _current, new State(devices, patterns));
    }

    public Task<IReadOnlyList<DeviceInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _current).Devices);

    public Task<DeviceDetail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return Task.FromResult(DeviceLookup.Find(current.Devices, current.Patterns, id));
    }

    private sealed record State(IReadOnlyList<DeviceInfo> Devices, IReadOnlyDictionary<string, DevicePattern> Patterns);
}
