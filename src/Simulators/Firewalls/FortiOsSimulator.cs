using System.Net;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Firewalls;

/// <summary>
/// FortiOS REST API, the runtime ban list (INTEGRATIONS.md §2.1): <c>/api/v2/monitor/user/banned/</c>
/// <c>add_users</c> (expiry in seconds, 0 = never), <c>clear_users</c>, <c>clear_all</c> and <c>select</c>, per VDOM
/// (<c>?vdom=</c>, default root). Auth: <c>Authorization: Bearer</c> with the API key; a key in <c>?access_token=</c>
/// is refused as on FortiOS 7.4.5+ (401 with <c>www-authenticate: error="invalid_token"</c>). Bans expire by the
/// simulator's clock. Answers use FortiOS's envelope; errors carry <c>"status":"error"</c> and FortiOS error codes.
/// </summary>
public sealed class FortiOsSimulator : IVendorSimulator
{
    public const string Name = "fortios";
    private const string Serial = "FGVMSIM000000001";
    private readonly Dictionary<(string Vdom, IPAddress Ip), (long Created, long Expires)> _bans = [];
    private readonly Lock _lock = new();
    private TimeProvider _time = TimeProvider.System;

    public string Vendor => Name;

    /// <summary>The addresses banned in <paramref name="vdom"/> now (expired bans are gone).</summary>
    public IReadOnlyList<IPAddress> Banned(string vdom = "root")
    {
        lock (_lock)
        {
            Expire();
            return [.. _bans.Keys.Where(k => k.Vdom == vdom).Select(k => k.Ip)];
        }
    }

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        _time = context.Time;
        var api = routes.MapGroup("/api/v2").WithMetadata(new VendorTag(Name));
        api.AddEndpointFilter(async (filter, next) =>
        {
            var request = filter.HttpContext.Request;
            if (request.Query.ContainsKey("access_token") || !VendorHttp.HasBearer(request, context.Credentials.FortiOsToken))
            {
                filter.HttpContext.Response.Headers.WWWAuthenticate = "error=\"invalid_token\"";
                return Results.StatusCode(401);
            }
            return await next(filter);
        });
        var banned = api.MapGroup("/monitor/user/banned");
        banned.MapPost("/add_users", (HttpRequest r) => ChangeAsync(r, "add_users"));
        banned.MapPost("/clear_users", (HttpRequest r) => ChangeAsync(r, "clear_users"));
        banned.MapPost("/clear_all", (HttpRequest r) => ChangeAsync(r, "clear_all"));
        banned.MapGet("/select", (HttpRequest r) => Select(Vdom(r)));
        routes.MapGet("/_sim/fortios/banned", (string? vdom) => Results.Json(Banned(vdom ?? "root").Select(ip => ip.ToString())));
    }

    public string ErrorBody(int status) => Envelope("POST", "root", "", status, error: status >= 500 ? -1 : null).ToJsonString();

    private async Task<IResult> ChangeAsync(HttpRequest request, string action)
    {
        string vdom = Vdom(request);
        var body = await VendorHttp.ReadJsonAsync(request);
        if (action == "clear_all")
        {
            lock (_lock)
            {
                foreach (var key in _bans.Keys.Where(k => k.Vdom == vdom).ToList())
                    _bans.Remove(key);
            }
            return VendorHttp.Json(200, Envelope("POST", vdom, action, 200));
        }
        if (body?["ip_addresses"] is not JsonArray list || list.Count == 0)
            return VendorHttp.Json(424, Envelope("POST", vdom, action, 424, error: -651));
        var addresses = new List<IPAddress>();
        foreach (var item in list)
        {
            if (VendorHttp.Text(item) is not { } text || !IPAddress.TryParse(text, out var ip))
                return VendorHttp.Json(424, Envelope("POST", vdom, action, 424, error: -8));
            addresses.Add(ip);
        }
        long expiry = 0;
        if (action == "add_users" && body["expiry"] is { } given)
        {
            if (VendorHttp.Number(given) is not { } seconds || seconds < 0)
                return VendorHttp.Json(424, Envelope("POST", vdom, action, 424, error: -651));
            expiry = seconds;
        }
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            Expire();
            foreach (var ip in addresses)
            {
                if (action == "add_users")
                    _bans[(vdom, ip)] = (now, expiry == 0 ? 0 : now + expiry);
                else
                    _bans.Remove((vdom, ip));
            }
        }
        return VendorHttp.Json(200, Envelope("POST", vdom, action, 200));
    }

    private IResult Select(string vdom)
    {
        var results = new JsonArray();
        lock (_lock)
        {
            Expire();
            foreach (var (key, ban) in _bans.Where(b => b.Key.Vdom == vdom).OrderBy(b => b.Value.Created))
            {
                results.Add(new JsonObject
                {
                    ["ip_address"] = key.Ip.ToString(),
                    ["ipv6"] = key.Ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
                    ["created"] = ban.Created,
                    ["expires"] = ban.Expires,
                    ["source"] = "admin",
                });
            }
        }
        var envelope = Envelope("GET", vdom, "select", 200);
        envelope["results"] = results;
        return VendorHttp.Json(200, envelope);
    }

    private void Expire()
    {
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var key in _bans.Where(b => b.Value.Expires != 0 && b.Value.Expires <= now).Select(b => b.Key).ToList())
            _bans.Remove(key);
    }

    private static string Vdom(HttpRequest request) => request.Query["vdom"].ToString() is { Length: > 0 } v ? v : "root";

    private static JsonObject Envelope(string method, string vdom, string action, int status, int? error = null)
    {
        var o = new JsonObject
        {
            ["http_method"] = method,
            ["vdom"] = vdom,
            ["path"] = "user",
            ["name"] = "banned",
            ["action"] = action,
            ["status"] = status == 200 ? "success" : "error",
            ["http_status"] = status,
            ["serial"] = Serial,
            ["version"] = "v7.4.5",
            ["build"] = 2702,
        };
        if (error is { } code)
            o["error"] = code;
        return o;
    }
}
