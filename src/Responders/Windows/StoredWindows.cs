using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Storage;

namespace AutoRespond.Responders.Windows;

/// <summary>Converts between a stored window (<see cref="StoredWindow"/>, text) and the engine's <see cref="WindowConfig"/>.</summary>
public static class StoredWindows
{
    /// <summary>The window the engine evaluates; devices may be addresses or CIDRs.</summary>
    /// <exception cref="FormatException">A device, or the effect, cannot be read (a row written by something else).</exception>
    public static WindowConfig ToConfig(StoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new WindowConfig(window.Name, window.Start, window.End, window.Rrule, window.Tz,
            new WindowScope([.. window.Scope.Devices.Select(ParseNetwork)], window.Scope.Zones, window.Scope.Users, window.Scope.Actions),
            ParseEffect(window.Effect), window.CapScore);
    }

    /// <summary>The scope as stored: networks in CIDR notation (a single address as /32 or /128).</summary>
    public static StoredWindowScope ToStored(WindowScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new StoredWindowScope([.. scope.Devices.Select(d => d.ToString())], [.. scope.Zones], [.. scope.Users], [.. scope.Actions]);
    }

    public static string EffectName(WindowEffect effect) => effect switch
    {
        WindowEffect.Confirm => "confirm",
        WindowEffect.Cap => "cap",
        _ => "suppress",
    };

    public static WindowEffect ParseEffect(string effect) => effect switch
    {
        "suppress" => WindowEffect.Suppress,
        "confirm" => WindowEffect.Confirm,
        "cap" => WindowEffect.Cap,
        _ => throw new FormatException($"unknown window effect '{effect}'"),
    };

    private static IPNetwork ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network)) return network;
        if (IPAddress.TryParse(text, out var address))
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        throw new FormatException($"'{text}' is not an address or CIDR");
    }
}
