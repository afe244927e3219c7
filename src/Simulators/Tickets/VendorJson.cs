using System.Text.Encodings.Web;
using System.Text.Json;

namespace AutoRespond.Simulators.Tickets;

/// <summary>JSON written the way the vendors write it: quotes, apostrophes and non-ASCII as themselves, not <c>\u0027</c>.</summary>
internal static class VendorJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
