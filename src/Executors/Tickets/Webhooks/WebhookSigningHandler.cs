namespace AutoRespond.Executors.Tickets.Webhooks;

/// <summary>
/// Stamps every attempt (it sits inside the retry pipeline): <c>webhook-timestamp</c> = now in Unix seconds and, with a
/// secret, <c>webhook-signature</c> over that attempt's id, timestamp and body. <c>webhook-id</c> is set by the sender and
/// stays the same across retries.
/// </summary>
internal sealed class WebhookSigningHandler(byte[]? key, TimeProvider time) : DelegatingHandler
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string id = request.Headers.TryGetValues(IdHeader, out var ids) ? ids.First() : "";
        long timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Remove(TimestampHeader);
        request.Headers.Remove(SignatureHeader);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (key is not null)
        {
            byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            request.Headers.TryAddWithoutValidation(SignatureHeader, StandardWebhookSigner.Sign(id, timestamp, body, key));
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
