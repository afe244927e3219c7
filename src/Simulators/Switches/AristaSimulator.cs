using System.Globalization;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using AutoRespond.Simulators.Firewalls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Switches;

/// <summary>
/// Arista EOS eAPI (INTEGRATIONS.md §3.2): JSON-RPC 2.0 <c>runCmds</c> on <c>POST /command-api</c>, HTTP Basic
/// (401 otherwise). Runs the commands against <see cref="AristaSwitch"/>; a failing command answers HTTP 200 with
/// error 1002 "CLI command i of n '…' failed: invalid command" and <c>data</c> holding the earlier results and the
/// failing command's <c>errors</c> (the earlier commands keep their effect, as on EOS).
/// </summary>
public sealed class AristaSimulator : IVendorSimulator
{
    public const string Name = "arista";
    private readonly AristaSwitch _switch = new();
    private readonly Lock _lock = new();

    public string Vendor => Name;

    /// <summary>The ACL's entries as "SEQ text" lines, for tests.</summary>
    public IReadOnlyList<string> Entries(string acl)
    {
        lock (_lock)
        {
            return _switch.Acls.TryGetValue(acl, out var entries)
                ? [.. entries.Select(e => $"{e.Key.ToString(CultureInfo.InvariantCulture)} {e.Value}")]
                : [];
        }
    }

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        routes.MapGet("/_sim/arista/acls/{acl}", (string acl) => Results.Json(Entries(acl)));
        var api = routes.MapGroup("").WithMetadata(new VendorTag(Name));
        api.MapPost("/command-api", async (HttpRequest request) =>
        {
            if (!VendorHttp.HasBasic(request, context.Credentials.SwitchUser, context.Credentials.SwitchPassword))
                return Results.Text("Unable to authenticate user: Bad username/password combination", "text/plain", statusCode: 401);
            var body = await VendorHttp.ReadJsonAsync(request) as JsonObject;
            JsonNode? id = body?["id"]?.DeepClone();
            if (body is null)
                return Rpc(null, -32700, "Parse error", null);
            if (VendorHttp.Text(body["method"]) != "runCmds")
                return Rpc(id, -32601, "Method not found", null);
            if (body["params"]?["cmds"] is not JsonArray cmdNodes || VendorHttp.Number(body["params"]?["version"]) is not (1 or null))
                return Rpc(id, -32602, "Invalid params", null);
            var cmds = cmdNodes.Select(c => VendorHttp.Text(c) ?? VendorHttp.Text(c?["cmd"]) ?? "").ToList();
            lock (_lock)
            {
                var (results, error, failed) = _switch.Run(cmds);
                if (error is null)
                    return VendorHttp.Json(200, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = new JsonArray([.. results]) });
                var data = new JsonArray([.. results]);
                data.Add(new JsonObject { ["errors"] = new JsonArray(error) });
                string message = $"CLI command {failed + 1} of {cmds.Count} '{cmds[failed]}' failed: invalid command";
                return Rpc(id, 1002, message, data);
            }
        });
    }

    public string ErrorBody(int status) => status == 401 ? "Unable to authenticate user: Bad username/password combination" : "";

    private static IResult Rpc(JsonNode? id, int code, string message, JsonArray? data)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
            error["data"] = data;
        return VendorHttp.Json(200, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = error });
    }
}
