namespace AutoRespond.Api.Devices;

/// <summary>Where the API reads devices: the in-process brain (<c>run</c>) or the newest stored brain snapshot (<c>api</c>).</summary>
public interface IDeviceDirectory
{
    Task<IReadOnlyList<DeviceInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>By device id, address, MAC or hostname; null when unknown.</summary>
    Task<DeviceDetail?> GetAsync(string id, CancellationToken cancellationToken);
}
