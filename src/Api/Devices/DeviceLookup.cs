namespace AutoRespond.Api.Devices;

/// <summary>Finds a device by id, address, MAC or hostname (in that order) and attaches its pattern of life.</summary>
internal static class DeviceLookup
{
    public static DeviceDetail? Find(IReadOnlyList<DeviceInfo> devices, IReadOnlyDictionary<string, DevicePattern> patterns, string id)
    {
        var device = devices.FirstOrDefault(d => d.Id == id)
            ?? devices.FirstOrDefault(d => d.Ip == id)
            ?? devices.FirstOrDefault(d => string.Equals(d.Mac, id, StringComparison.OrdinalIgnoreCase))
            ?? devices.FirstOrDefault(d => string.Equals(d.Hostname, id, StringComparison.OrdinalIgnoreCase));
        return device is null ? null : new DeviceDetail(device, patterns.GetValueOrDefault(device.Ip) ?? DevicePattern.Empty);
    }
}
