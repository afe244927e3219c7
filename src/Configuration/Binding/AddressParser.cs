using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AutoRespond.Configuration.Binding;

/// <summary>
/// Strict IP address and CIDR parsing. <see cref="IPAddress.TryParse(string, out IPAddress)"/> accepts
/// <c>10.1</c>, octal <c>010.0.0.1</c> and scope ids, and <see cref="IPNetwork.TryParse(string, out IPNetwork)"/>
/// silently clears host bits; a configuration must say exactly what it means.
/// </summary>
internal static partial class AddressParser
{
    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[0-9A-Fa-f:.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Text();

    /// <summary>A bare IPv4 or IPv6 address.</summary>
    public static bool TryParseAddress(string text, [MaybeNullWhen(false)] out IPAddress address, out string? error)
    {
        address = null;
        error = null;
        var looksV4 = !text.Contains(':', StringComparison.Ordinal);
        var shapeOk = looksV4 ? DottedQuad().IsMatch(text) : Ipv6Text().IsMatch(text);
        if (!shapeOk || !IPAddress.TryParse(text, out var parsed))
        {
            error = $"'{text}' is not a valid IP address";
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>A CIDR (<c>10.0.0.0/8</c>) or a bare address, which means a host route (/32 or /128).</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network, out string? error)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(addressText, out var address, out error))
        {
            if (slash < 0 && !LooksLikeAddress(addressText))
            {
                error = null; // let the caller say "expected a CIDR ..., got 'banana'"
            }

            return false;
        }

        var maxLength = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefixLength = maxLength;
        if (slash >= 0)
        {
            var lengthText = text[(slash + 1)..];
            if (lengthText.Length is 0 or > 3 || !lengthText.All(char.IsAsciiDigit)
                || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength))
            {
                error = $"'{text}' has an invalid prefix length '{lengthText}'";
                return false;
            }

            if (prefixLength > maxLength)
            {
                var family = maxLength == 32 ? "IPv4" : "IPv6";
                error = $"'{text}' has prefix length {prefixLength}, more than {maxLength} for {family}";
                return false;
            }
        }

        var masked = Mask(address, prefixLength);
        if (!masked.Equals(address))
        {
            error = $"'{text}' has host bits set; did you mean {masked}/{prefixLength}?";
            return false;
        }

        network = new IPNetwork(address, prefixLength);
        return true;
    }

    private static bool LooksLikeAddress(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text.Contains(':', StringComparison.Ordinal));

    private static IPAddress Mask(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInByte = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInByte));
        }

        return new IPAddress(bytes);
    }
}
