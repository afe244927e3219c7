using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Firewalls.PanOs;

/// <summary>Builds the XML API messages and reads the answers (INTEGRATIONS.md §2.2, pan-os-python userid.py).</summary>
internal static class PanOsMessages
{
    /// <summary>PAN-OS accepts tag timeouts up to 30 days.</summary>
    public const long MaxTimeoutSeconds = 2_592_000;

    public const string Vsys = "vsys1";

    /// <summary><c>&lt;uid-message&gt;…&lt;register&gt;&lt;entry ip=…&gt;&lt;tag&gt;&lt;member timeout=…&gt;TAG…</c>; timeout 0 = no expiry.</summary>
    public static string Register(IPAddress address, string tag, long timeoutSeconds) =>
        UidMessage(new XElement("register", Entry(address, new XElement("member",
            new XAttribute("timeout", timeoutSeconds.ToString(CultureInfo.InvariantCulture)), tag))));

    public static string Unregister(IPAddress address, string tag) =>
        UidMessage(new XElement("unregister", Entry(address, new XElement("member", tag))));

    /// <summary><c>&lt;show&gt;&lt;object&gt;&lt;registered-ip&gt;&lt;tag&gt;&lt;entry name="TAG"/&gt;…</c>.</summary>
    public static string ShowRegistered(string tag) =>
        new XElement("show", new XElement("object", new XElement("registered-ip",
            new XElement("tag", new XElement("entry", new XAttribute("name", tag)))))).ToString(SaveOptions.DisableFormatting);

    public static Dictionary<string, string> UserIdForm(string cmd) => new()
    {
        ["type"] = "user-id",
        ["vsys"] = Vsys,
        ["cmd"] = cmd,
    };

    /// <summary>The addresses the registered-ip listing shows with <paramref name="tag"/>.</summary>
    public static IReadOnlyList<IPAddress> RegisteredAddresses(string xml, string tag)
    {
        var root = Parse(xml);
        if (root.Attribute("status")?.Value != "success")
            throw new TargetAnswerException($"PAN-OS answered {Error(root)}");
        var found = new List<IPAddress>();
        foreach (var entry in root.Descendants("entry").Where(e => e.Attribute("ip") is not null))
        {
            bool tagged = entry.Element("tag")?.Elements("member").Any(m => m.Value.Trim() == tag) ?? false;
            if (tagged && IPAddress.TryParse(entry.Attribute("ip")!.Value, out var ip))
                found.Add(ip);
        }
        return found;
    }

    /// <summary>
    /// Null when a uid-message succeeded, else why not. Per-entry messages ending "already exists, ignore" and
    /// "does not exist, ignore unreg" mean the state already is what was asked (pan-os-python ignores them too).
    /// </summary>
    public static string? UidFailure(string xml)
    {
        var root = Parse(xml);
        if (root.Attribute("status")?.Value == "success")
            return null;
        var entries = root.Descendants("entry").Select(e => e.Attribute("message")?.Value).ToList();
        if (entries.Count > 0 && entries.All(m => m is not null
                && (m.EndsWith("already exists, ignore", StringComparison.Ordinal) || m.EndsWith("does not exist, ignore unreg", StringComparison.Ordinal))))
            return null;
        return Error(root);
    }

    /// <summary>"code 403: Invalid Credential" from an error response.</summary>
    public static string Error(XElement root)
    {
        string? code = root.Attribute("code")?.Value;
        var messages = root.Descendants("msg").Select(m => m.Value.Trim())
            .Concat(root.Descendants("entry").Select(e => e.Attribute("message")?.Value ?? ""))
            .Concat(root.Descendants("line").Select(l => l.Value.Trim()))
            .Where(m => m.Length > 0).Distinct().Take(3);
        return $"status {root.Attribute("status")?.Value ?? "missing"}" + (code is null ? "" : $", code {code}")
            + $": {string.Join("; ", messages)}";
    }

    public static XElement Parse(string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException e)
        {
            throw new TargetAnswerException("PAN-OS answered something that is not XML", e);
        }
    }

    private static string UidMessage(XElement operation) =>
        new XElement("uid-message",
            new XElement("version", "2.0"),
            new XElement("type", "update"),
            new XElement("payload", operation)).ToString(SaveOptions.DisableFormatting);

    private static XElement Entry(IPAddress address, XElement member) =>
        new("entry", new XAttribute("ip", address.ToString()), new XElement("tag", member));
}
