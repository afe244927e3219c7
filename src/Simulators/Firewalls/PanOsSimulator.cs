using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Firewalls;

/// <summary>
/// PAN-OS XML API (INTEGRATIONS.md §2.2) on <c>/api/</c>, GET (query) or POST (form): <c>type=user-id</c> with a
/// <c>uid-message</c> that registers or unregisters tags on addresses (each member may carry <c>timeout</c> in
/// seconds, at most 2,592,000; 0 = none), and <c>type=op</c> with
/// <c>&lt;show&gt;&lt;object&gt;&lt;registered-ip&gt;…</c> to list them. Auth: <c>X-PAN-KEY</c> header or <c>key</c>
/// parameter; a wrong or missing key answers HTTP 403 <c>Invalid Credential</c>. Registering a tag an address already
/// has, or unregistering one it lacks, answers per-entry "already exists, ignore" / "does not exist, ignore unreg".
/// </summary>
public sealed class PanOsSimulator : IVendorSimulator
{
    public const string Name = "panos";
    public const long MaxTimeout = 2_592_000;
    private const string Forbidden = "<response status = 'error' code = '403'><result><msg>Invalid Credential</msg></result></response>";
    private readonly Dictionary<(IPAddress Ip, string Tag), long> _tags = []; // → expires at (unix s), 0 = never
    private readonly Lock _lock = new();
    private TimeProvider _time = TimeProvider.System;

    public string Vendor => Name;

    /// <summary>The addresses registered with <paramref name="tag"/> now.</summary>
    public IReadOnlyList<IPAddress> Registered(string tag)
    {
        lock (_lock)
        {
            Expire();
            return [.. _tags.Keys.Where(k => k.Tag == tag).Select(k => k.Ip)];
        }
    }

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        _time = context.Time;
        var api = routes.MapGroup("/api").WithMetadata(new VendorTag(Name));
        api.MapGet("/", (HttpRequest r) => HandleAsync(r, context));
        api.MapPost("/", (HttpRequest r) => HandleAsync(r, context));
        routes.MapGet("/_sim/panos/registered/{tag}", (string tag) => Results.Json(Registered(tag).Select(ip => ip.ToString())));
    }

    public string ErrorBody(int status) =>
        status == 403 ? Forbidden : $"<response status=\"error\" code=\"{status}\"><result><msg>simulated fault</msg></result></response>";

    private async Task<IResult> HandleAsync(HttpRequest request, SimulatorContext context)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var field in await request.ReadFormAsync(request.HttpContext.RequestAborted))
                parameters[field.Key] = field.Value.ToString();
        }
        string key = request.Headers["X-PAN-KEY"].ToString() is { Length: > 0 } header ? header : parameters.GetValueOrDefault("key", "");
        if (!VendorHttp.SameText(key, context.Credentials.PanOsKey))
            return VendorHttp.Xml(403, Forbidden);
        string cmd = parameters.GetValueOrDefault("cmd", "");
        return parameters.GetValueOrDefault("type") switch
        {
            "user-id" => UserId(cmd),
            "op" => Operation(cmd),
            null or "" => Error(400, "Missing parameter: type"),
            var other => Error(400, $"Invalid type {other}"),
        };
    }

    private IResult UserId(string cmd)
    {
        if (Parse(cmd) is not { Name.LocalName: "uid-message" } message || message.Element("payload") is not { } payload)
            return Error(400, "Malformed uid-message");
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        var answers = new List<XElement>();
        bool failed = false;
        lock (_lock)
        {
            Expire();
            foreach (var operation in payload.Elements())
            {
                bool register = operation.Name.LocalName == "register";
                if (!register && operation.Name.LocalName != "unregister")
                    continue;
                var answered = new XElement(operation.Name.LocalName);
                foreach (var entry in operation.Elements("entry"))
                {
                    if (!IPAddress.TryParse(entry.Attribute("ip")?.Value, out var ip))
                        return Error(400, $"Invalid ip address {entry.Attribute("ip")?.Value}");
                    foreach (var member in entry.Element("tag")?.Elements("member") ?? [])
                    {
                        string tag = member.Value.Trim();
                        if (register && !TryTimeout(member, out long timeout))
                            return Error(400, $"Invalid timeout for tag {tag}");
                        else if (register && _tags.ContainsKey((ip, tag)))
                            failed = Note(answered, ip, $"tag {tag} already exists, ignore");
                        else if (register)
                            _tags[(ip, tag)] = TryTimeout(member, out long t) && t > 0 ? now + t : 0;
                        else if (!_tags.Remove((ip, tag)))
                            failed = Note(answered, ip, $"tag {tag} does not exist, ignore unreg");
                    }
                }
                answers.Add(answered);
            }
        }
        var uid = new XElement("uid-response", new XElement("version", "2.0"), new XElement("payload", answers));
        return failed
            ? VendorHttp.Xml(200, new XElement("response", new XAttribute("status", "error"), new XElement("msg", new XElement("line", uid))).ToString(SaveOptions.DisableFormatting))
            : VendorHttp.Xml(200, new XElement("response", new XAttribute("status", "success"), new XElement("result", uid)).ToString(SaveOptions.DisableFormatting));
    }

    private IResult Operation(string cmd)
    {
        var entry = Parse(cmd)?.Element("object")?.Element("registered-ip")?.Element("tag")?.Element("entry");
        if (entry?.Attribute("name")?.Value is not { } tag)
            return VendorHttp.Xml(200, "<response status=\"error\" code=\"1\"><msg><line>Unknown command</line></msg></response>");
        var result = new XElement("result");
        lock (_lock)
        {
            Expire();
            foreach (var ip in _tags.Keys.Where(k => k.Tag == tag).Select(k => k.Ip))
            {
                result.Add(new XElement("entry", new XAttribute("ip", ip.ToString()), new XAttribute("from_agent", "0"), new XAttribute("persistent", "1"),
                    new XElement("tag", _tags.Keys.Where(k => k.Ip.Equals(ip)).Select(k => new XElement("member", k.Tag)))));
            }
        }
        return VendorHttp.Xml(200, new XElement("response", new XAttribute("status", "success"), result).ToString(SaveOptions.DisableFormatting));
    }

    private static bool Note(XElement answered, IPAddress ip, string message)
    {
        answered.Add(new XElement("entry", new XAttribute("ip", ip.ToString()), new XAttribute("message", message)));
        return true;
    }

    private static bool TryTimeout(XElement member, out long timeout)
    {
        timeout = 0;
        return member.Attribute("timeout")?.Value is not { } text
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out timeout) && timeout <= MaxTimeout);
    }

    private void Expire()
    {
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var key in _tags.Where(t => t.Value != 0 && t.Value <= now).Select(t => t.Key).ToList())
            _tags.Remove(key);
    }

    private static XElement? Parse(string xml)
    {
        try
        {
            return xml.Length == 0 ? null : XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static IResult Error(int code, string message) =>
        VendorHttp.Xml(400, $"<response status=\"error\" code=\"{code}\"><result><msg>{System.Security.SecurityElement.Escape(message)}</msg></result></response>");
}
