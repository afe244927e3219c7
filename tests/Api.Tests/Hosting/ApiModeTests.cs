using AutoRespond.Api.Devices;
using AutoRespond.Host.Hosting;

namespace AutoRespond.Api.Tests.Hosting;

/// <summary><c>autorespond api</c>: the API alone over stored data, devices from the stored snapshot.</summary>
public sealed class ApiModeTests
{
    [Fact]
    public async Task ApiMode_StoredData_ServedWithDevicesFromTheSnapshotStore()
    {
        await using var host = await ApiHost.StartAsync(HostMode.Api);
        host.Get<IDeviceDirectory>().ShouldBeOfType<SnapshotDeviceDirectory>();
        string id = await Seed.IncidentAsync(host);
        using var client = host.Client("viewer");
        (await client.SendAsync("GET", "api/v1/incidents")).Body.EnumerateArray().ShouldContain(i => i.GetProperty("id").GetString() == id);
        (await client.SendAsync("GET", "api/v1/devices")).Body.GetArrayLength().ShouldBe(0); // no brain snapshot stored yet
        var ready = await client.SendAsync("GET", "health/ready");
        ready.Status.ShouldBe(200);
        ready.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("healthy");
        ready.Body.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString().ShouldBe("healthy");
    }
}
