using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Tickets;

/// <summary>
/// A receiver of Standard Webhooks (INTEGRATIONS.md §4.5): <c>POST /hooks/{name}</c> records each delivery (id, timestamp,
/// signature, raw body, and whether the signature verifies with the simulator's webhook secret) and answers 204 — or 410
/// once <c>POST /_sim/webhook/{name}/gone</c> was called; 429/5xx come from the fault plan. Deliveries are listed at
/// <c>GET /_sim/webhook/{name}/deliveries</c> (untagged).
/// </summary>
public sealed class WebhookReceiverSimulator : IVendorSimulator
{
    public const string Name = "webhook";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<JsonObject>> _deliveries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);

    public string Vendor => Name;

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        var hooks = routes.MapGroup("/hooks").WithMetadata(new VendorTag(Name));
        hooks.MapPost("/{name}", async (HttpContext http, string name) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            byte[] body = buffer.ToArray();
            string id = http.Request.Headers["webhook-id"].ToString();
            string timestamp = http.Request.Headers["webhook-timestamp"].ToString();
            string signature = http.Request.Headers["webhook-signature"].ToString();
            lock (_lock)
            {
                if (_gone.Contains(name))
                    return Results.StatusCode(410);
                if (!_deliveries.TryGetValue(name, out var list))
                    _deliveries[name] = list = [];
                list.Add(new JsonObject
                {
                    ["webhook_id"] = id,
                    ["webhook_timestamp"] = timestamp,
                    ["webhook_signature"] = signature,
                    ["signature_valid"] = Verifies(context.Credentials.WebhookSecret, id, timestamp, body, signature),
                    ["body"] = Encoding.UTF8.GetString(body),
                });
            }
            return Results.NoContent();
        });

        var control = routes.MapGroup("/_sim/webhook");
        control.MapGet("/{name}/deliveries", (string name) =>
        {
            lock (_lock)
                return Results.Text(new JsonArray([.. _deliveries.GetValueOrDefault(name, []).Select(d => d.DeepClone())]).ToJsonString(VendorJson.Options), "application/json");
        });
        control.MapPost("/{name}/gone", (string name) =>
        {
            lock (_lock)
                _gone.Add(name);
            return Results.NoContent();
        });
    }

    public string ErrorBody(int status) => "";

    /// <summary>Any <c>v1,</c> entry of the signature list matching HMAC-SHA256(key, id.timestamp.body), key from <c>whsec_</c>.</summary>
    private static bool Verifies(string secret, string id, string timestamp, byte[] body, string signatures)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        }
        catch (FormatException)
        {
            return false;
        }
        byte[] content = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        byte[] expected = HMACSHA256.HashData(key, content);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal))
                continue;
            try
            {
                if (CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(entry[3..]), expected))
                    return true;
            }
            catch (FormatException)
            {
                // not base64: not a match
            }
        }
        return false;
    }
}
