using System.Security.Cryptography;
using System.Text;

namespace AutoRespond.Executors.Tickets.Webhooks;

/// <summary>
/// Standard Webhooks signatures (INTEGRATIONS.md §4.5): HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with
/// the key = base64-decode(the secret without its <c>whsec_</c> prefix), sent as <c>webhook-signature: v1,&lt;base64&gt;</c>.
/// </summary>
public static class StandardWebhookSigner
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The HMAC key of a secret; a secret that is not base64 fails with a message that does not quote it.</summary>
    public static byte[] KeyFromSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        string encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            byte[] key = Convert.FromBase64String(encoded);
            if (key.Length == 0)
                throw new FormatException("the webhook secret is empty");
            return key;
        }
        catch (FormatException)
        {
            throw new FormatException("the webhook secret is not base64 after its whsec_ prefix (Standard Webhooks)");
        }
    }

    /// <summary><c>v1,&lt;base64 HMAC-SHA256&gt;</c> of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Sign(string messageId, long timestamp, ReadOnlySpan<byte> body, byte[] key)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{messageId}.{timestamp}."));
        byte[] content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
