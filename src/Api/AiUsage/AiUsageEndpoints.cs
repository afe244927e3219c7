using AutoRespond.Api.Security;
using AutoRespond.Brain.Ai;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Api.AiUsage;

/// <summary>
/// <c>GET /api/v1/ai-usage</c>: the shadow-AI inventory of the running pipeline (AI services per device and user, MCP
/// endpoints), as <see cref="AiUsageInventory.Snapshot"/> in snake_case. A host without a pipeline (no inventory
/// registered) answers the empty inventory.
/// </summary>
internal static class AiUsageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/ai-usage", (IServiceProvider services) =>
                Results.Json(services.GetService<AiUsageInventory>()?.Snapshot() ?? AiUsageReport.Empty, AiUsageInventory.JsonOptions))
            .RequireAuthorization(ApiRoles.ReadPolicy).WithTags("ai-usage").WithName("get-ai-usage")
            .WithSummary("The shadow-AI inventory: AI services and MCP endpoints seen, by device and user")
            .Produces<AiUsageReport>();
    }
}
