using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Devices;

/// <summary><c>/api/v1/devices</c>: list and get (zone, roles, first seen, pattern of life).</summary>
internal static class DeviceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/devices").WithTags("devices");
        group.MapGet("", async (IDeviceDirectory devices, CancellationToken ct) => Results.Json(await devices.ListAsync(ct), ApiJson.Output))
            .RequireAuthorization(ApiRoles.ReadPolicy).WithName("list-devices").WithSummary("Devices the brain knows")
            .Produces<IReadOnlyList<DeviceInfo>>();
        group.MapGet("/{id}", async (string id, IDeviceDirectory devices, CancellationToken ct) =>
                await devices.GetAsync(id, ct) is { } detail ? Results.Json(detail, ApiJson.Output) : ApiProblems.NotFound("device", id))
            .RequireAuthorization(ApiRoles.ReadPolicy).WithName("get-device")
            .WithSummary("One device (by id, address, MAC or hostname) with its pattern of life").Produces<DeviceDetail>().ProducesProblem(404);
    }
}
