using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Firewalls;

/// <summary>
/// OPNsense <c>/api/firewall/alias_util</c> (INTEGRATIONS.md §2.3): add, delete, flush and list on an alias, and
/// <c>aliases</c>. HTTP Basic with the API key and secret (401 <c>Authentication Failed</c> otherwise). Like OPNsense,
/// failures of add/delete answer HTTP 200 with <c>not_an_address</c> or <c>failed</c>; a missing alias argument or
/// a body that is not JSON answers 400. The aliases that exist are <see cref="Aliases"/> (the default config's
/// <c>autorespond_block</c> among them).
/// </summary>
public sealed partial class OpnSenseSimulator : IVendorSimulator
{
    public const string Name = "opnsense";

    /// <summary>The aliases this firewall has (an alias that is not here is "non existing").</summary>
    public static readonly IReadOnlyList<string> Aliases = ["autorespond_block", "bogons", "virusprot"];

    private readonly Dictionary<string, List<string>> _tables = Aliases.ToDictionary(a => a, _ => new List<string>(), StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Vendor => Name;

    /// <summary>The addresses in <paramref name="alias"/>'s table now.</summary>
    public IReadOnlyList<string> Contents(string alias)
    {
        lock (_lock)
            return _tables.TryGetValue(alias, out var table) ? [.. table] : [];
    }

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        var api = routes.MapGroup("/api/firewall/alias_util").WithMetadata(new VendorTag(Name));
        api.AddEndpointFilter(async (filter, next) =>
            VendorHttp.HasBasic(filter.HttpContext.Request, context.Credentials.OpnSenseKey, context.Credentials.OpnSenseSecret)
                ? await next(filter)
                : VendorHttp.Json(401, new JsonObject { ["status"] = 401, ["message"] = "Authentication Failed" }));
        foreach (string action in (string[])["add", "delete", "flush"])
        {
            api.MapPost($"/{action}", () => MissingArgument(action));
            api.MapPost($"/{action}/{{alias}}", (string alias, HttpRequest r) => ChangeAsync(action, alias, r));
        }
        api.MapMethods("/list", ["GET", "POST"], () => MissingArgument("list"));
        api.MapMethods("/list/{alias}", ["GET", "POST"], (string alias) => List(alias));
        routes.MapGet("/_sim/opnsense/aliases/{alias}", (string alias) => Results.Json(Contents(alias)));
        api.MapGet("/aliases", () => VendorHttp.Json(200, new JsonArray([.. Aliases.Select(a => (JsonNode)a)])));
    }

    public string ErrorBody(int status) => new JsonObject { ["status"] = status, ["message"] = "simulated fault" }.ToJsonString();

    private async Task<IResult> ChangeAsync(string action, string alias, HttpRequest request)
    {
        string? address = null;
        if (request.HasFormContentType)
        {
            address = (await request.ReadFormAsync(request.HttpContext.RequestAborted))["address"].ToString();
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            if (await VendorHttp.ReadJsonAsync(request) is not JsonObject body)
                return VendorHttp.Json(400, new JsonObject { ["message"] = "Invalid JSON syntax", ["status"] = 400 });
            address = VendorHttp.Text(body["address"]);
        }
        lock (_lock)
        {
            if (!_tables.TryGetValue(alias, out var table))
                return Status("failed", $"non existing alias {alias}");
            if (action == "flush")
            {
                table.Clear();
                return Status("done");
            }
            if (string.IsNullOrEmpty(address))
                return Status("failed");
            if (!AddressChars().IsMatch(address.ToLowerInvariant()))
                return Status("not_an_address");
            if (action == "add" && !table.Contains(address))
                table.Add(address);
            else if (action == "delete")
                table.Remove(address);
            return Status("done");
        }
    }

    private IResult List(string alias)
    {
        lock (_lock)
        {
            var rows = _tables.TryGetValue(alias, out var table) ? table : [];
            return VendorHttp.Json(200, new JsonObject
            {
                ["total"] = rows.Count,
                ["rowCount"] = 9999,
                ["current"] = 1,
                ["rows"] = new JsonArray([.. rows.Select(ip => (JsonNode)new JsonObject { ["ip"] = ip })]),
            });
        }
    }

    private static IResult Status(string status, string? message = null)
    {
        var body = new JsonObject { ["status"] = status };
        if (message is not null)
            body["status_msg"] = message;
        return VendorHttp.Json(200, body);
    }

    private static IResult MissingArgument(string action) =>
        VendorHttp.Json(400, new JsonObject { ["message"] = $"action {action} expects at least 1 parameter(s)", ["status"] = 400 });

    [GeneratedRegex("^[0-9a-f:./_]+$")]
    private static partial Regex AddressChars();
}
