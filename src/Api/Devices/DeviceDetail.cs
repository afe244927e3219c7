namespace AutoRespond.Api.Devices;

/// <summary>One device with its pattern of life.</summary>
public sealed record DeviceDetail(DeviceInfo Device, DevicePattern PatternOfLife);
