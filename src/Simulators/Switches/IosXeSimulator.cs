using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using AutoRespond.Simulators.Firewalls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Switches;

/// <summary>
/// Cisco IOS-XE RESTCONF (INTEGRATIONS.md §3.1, RFC 8040) for the native extended ACLs:
/// <c>/restconf/data/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended={name}</c> GET, PATCH
/// (merge; creates the ACL), PUT (replace), DELETE, and one entry at <c>…/access-list-seq-rule={seq}</c> GET and
/// DELETE; <c>/.well-known/host-meta</c> and <c>cisco-ia:save-config</c>. HTTP Basic (401 otherwise), bodies in
/// <c>application/yang-data+json</c> (415 for another Content-Type, 406 for an Accept that excludes it), errors as
/// <c>ietf-restconf:errors</c>; a key path that does not exist answers 404 "uri keypath not found".
/// </summary>
public sealed class IosXeSimulator : IVendorSimulator
{
    public const string Name = "iosxe";
    public const string MediaType = "application/yang-data+json";
    private const string AclPath = "/restconf/data/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended={name}";
    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> _acls = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Vendor => Name;

    /// <summary>The ACL's entries as "SEQ action host" lines, for tests.</summary>
    public IReadOnlyList<string> Entries(string acl)
    {
        lock (_lock)
        {
            return _acls.TryGetValue(acl, out var entries)
                ? [.. entries.Select(e => $"{e.Key} {VendorHttp.Text(e.Value["ace-rule"]?["action"])} {VendorHttp.Text(e.Value["ace-rule"]?["host-address"]) ?? "any"}")]
                : [];
        }
    }

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        routes.MapGet("/_sim/iosxe/acls/{acl}", (string acl) => Results.Json(Entries(acl)));
        var tagged = routes.MapGroup("").WithMetadata(new VendorTag(Name));
        tagged.MapGet("/.well-known/host-meta", () =>
            Results.Text("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'><Link rel='restconf' href='/restconf'/></XRD>", "application/xrd+xml"));
        var restconf = tagged.MapGroup("/restconf");
        restconf.AddEndpointFilter(async (filter, next) =>
        {
            var request = filter.HttpContext.Request;
            if (!VendorHttp.HasBasic(request, context.Credentials.SwitchUser, context.Credentials.SwitchPassword))
                return Error(401, "protocol", "access-denied", "access denied");
            string accept = request.Headers.Accept.ToString();
            if (accept.Length > 0 && !accept.Contains(MediaType, StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal))
                return Error(406, "protocol", "invalid-value", $"Accept must allow {MediaType}");
            if ((HttpMethods.IsPatch(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPost(request.Method))
                && request.ContentType?.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase) != true)
                return Error(415, "protocol", "invalid-value", $"Content-Type must be {MediaType}");
            return await next(filter);
        });
        restconf.MapGet(AclPath["/restconf".Length..], (string name) => Get(name));
        restconf.MapPatch(AclPath["/restconf".Length..], (string name, HttpRequest r) => WriteAsync(name, r, replace: false));
        restconf.MapPut(AclPath["/restconf".Length..], (string name, HttpRequest r) => WriteAsync(name, r, replace: true));
        restconf.MapDelete(AclPath["/restconf".Length..], (string name) => Delete(name, null));
        restconf.MapGet(AclPath["/restconf".Length..] + "/access-list-seq-rule={seq}", (string name, string seq) => GetEntry(name, seq));
        restconf.MapDelete(AclPath["/restconf".Length..] + "/access-list-seq-rule={seq}", (string name, string seq) => Delete(name, seq));
        restconf.MapPost("/operations/cisco-ia:save-config", () =>
            VendorHttp.Json(200, new JsonObject { ["cisco-ia:output"] = new JsonObject { ["result"] = "Save running config is successful" } }, MediaType));
    }

    public string ErrorBody(int status) => ErrorJson(status >= 500 ? "application" : "protocol",
        status >= 500 ? "operation-failed" : "invalid-value", $"simulated fault {status}").ToJsonString();

    private IResult Get(string name)
    {
        lock (_lock)
        {
            if (!_acls.TryGetValue(name, out var entries))
                return NotFound(name);
            var acl = new JsonObject { ["name"] = name };
            if (entries.Count > 0)
                acl["access-list-seq-rule"] = new JsonArray([.. entries.Values.Select(e => e.DeepClone())]);
            return VendorHttp.Json(200, new JsonObject { ["Cisco-IOS-XE-acl:extended"] = new JsonArray(acl) }, MediaType);
        }
    }

    private IResult GetEntry(string name, string seq)
    {
        lock (_lock)
        {
            if (!long.TryParse(seq, out long n) || !_acls.TryGetValue(name, out var entries) || !entries.TryGetValue(n, out var entry))
                return NotFound($"{name}/access-list-seq-rule={seq}");
            return VendorHttp.Json(200, new JsonObject { ["Cisco-IOS-XE-acl:access-list-seq-rule"] = new JsonArray(entry.DeepClone()) }, MediaType);
        }
    }

    private async Task<IResult> WriteAsync(string name, HttpRequest request, bool replace)
    {
        if (await VendorHttp.ReadJsonAsync(request) is not JsonObject body
            || body["Cisco-IOS-XE-acl:extended"] is not JsonArray { Count: 1 } list
            || list[0] is not JsonObject acl || VendorHttp.Text(acl["name"]) != name)
            return Error(400, "application", "malformed-message", "the body must hold one Cisco-IOS-XE-acl:extended list entry whose name is the key in the URI");
        var parsed = new SortedDictionary<long, JsonObject>();
        foreach (var item in acl["access-list-seq-rule"] as JsonArray ?? [])
        {
            if (item is not JsonObject entry || Validate(entry) is not { } sequence)
                return Error(400, "application", "invalid-value", "inconsistent value: Device refused one or more commands");
            var stored = (JsonObject)entry.DeepClone();
            stored["sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parsed[sequence] = stored;
        }
        lock (_lock)
        {
            bool existed = _acls.TryGetValue(name, out var entries);
            if (!existed || replace)
                _acls[name] = entries = [];
            foreach (var (sequence, entry) in parsed)
                entries![sequence] = entry;
            return Results.StatusCode(replace && !existed ? 201 : 204);
        }
    }

    private IResult Delete(string name, string? seq)
    {
        lock (_lock)
        {
            if (!_acls.TryGetValue(name, out var entries))
                return NotFound(name);
            if (seq is null)
                _acls.Remove(name);
            else if (!long.TryParse(seq, out long n) || !entries.Remove(n))
                return NotFound($"{name}/access-list-seq-rule={seq}");
            return Results.StatusCode(204);
        }
    }

    /// <summary>The entry's sequence number when the entry is one IOS-XE takes, else null.</summary>
    private static long? Validate(JsonObject entry)
    {
        if (VendorHttp.Number(entry["sequence"]) is not { } sequence || sequence is < 1 or > 2_147_483_647)
            return null;
        if (entry["remark"] is not null && entry["ace-rule"] is null)
            return sequence;
        if (entry["ace-rule"] is not JsonObject rule || VendorHttp.Text(rule["action"]) is not ("deny" or "permit")
            || VendorHttp.Text(rule["protocol"]) is not { Length: > 0 })
            return null;
        if (rule["host-address"] is { } host
            && (!IPAddress.TryParse(VendorHttp.Text(host), out var ip) || ip.AddressFamily != AddressFamily.InterNetwork))
            return null;
        bool source = rule["host-address"] is not null || IsEmptyLeaf(rule["any"]) || rule["ipv4-address"] is not null;
        bool destination = IsEmptyLeaf(rule["dst-any"]) || rule["dst-host-address"] is not null || rule["dest-ipv4-address"] is not null;
        return source && destination ? sequence : null;
    }

    /// <summary>A YANG empty leaf in JSON: <c>[null]</c>.</summary>
    private static bool IsEmptyLeaf(JsonNode? node) => node is JsonArray { Count: 1 } a && a[0] is null;

    private static IResult NotFound(string path) =>
        Error(404, "application", "invalid-value", "uri keypath not found", $"/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended[name='{path}']");

    private static IResult Error(int status, string type, string tag, string message, string? path = null) =>
        VendorHttp.Json(status, ErrorJson(type, tag, message, path), MediaType);

    private static JsonObject ErrorJson(string type, string tag, string message, string? path = null)
    {
        var error = new JsonObject { ["error-type"] = type, ["error-tag"] = tag };
        if (path is not null)
            error["error-path"] = path;
        error["error-message"] = message;
        return new JsonObject { ["ietf-restconf:errors"] = new JsonObject { ["error"] = new JsonArray(error) } };
    }
}
