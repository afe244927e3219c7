using System.Security.Cryptography;
using System.Text;

namespace AutoRespond.Executors.Tests.Tickets;

/// <summary>
/// A Standard Webhooks verifier written from the spec alone (not from the signer under test): strip <c>whsec_</c>,
/// base64-decode the rest as the key, HMAC-SHA256 the UTF-8 of <c>"{id}.{timestamp}."</c> followed by the raw body bytes,
/// and accept when any space-separated <c>v1,</c> entry equals that MAC (constant-time), within ±5 minutes.
/// </summary>
internal static class IndependentWebhookVerifier
{
    public static bool Verify(string secret, string id, string timestamp, byte[] body, string signatureHeader, long nowUnixSeconds)
    {
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long ts)
            || Math.Abs(nowUnixSeconds - ts) > 300)
            return false;
        const string prefix = "whsec_";
        byte[] key = Convert.FromBase64String(secret.StartsWith(prefix, StringComparison.Ordinal) ? secret.Substring(prefix.Length) : secret);
        using var hmac = new HMACSHA256(key);
        var signed = new MemoryStream();
        signed.Write(Encoding.UTF8.GetBytes(id + "." + timestamp + "."));
        signed.Write(body);
        byte[] mac = hmac.ComputeHash(signed.ToArray());
        foreach (string part in signatureHeader.Split(' '))
        {
            string[] versioned = part.Split(',', 2);
            if (versioned.Length != 2 || versioned[0] != "v1")
                continue;
            byte[] given;
            try
            {
                given = Convert.FromBase64String(versioned[1]);
            }
            catch (FormatException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(given, mac))
                return true;
        }
        return false;
    }
}
