using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AutoRespond.TestUtils;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>Just enough of the RabbitMQ management HTTP API to inspect and clean up test queues.</summary>
internal sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _vhost;

    public RabbitMqManagement(Uri amqpUri)
    {
        var userInfo = Uri.UnescapeDataString(amqpUri.UserInfo is { Length: > 0 } u ? u : "guest:guest");
        var path = amqpUri.AbsolutePath.TrimStart('/');
        _vhost = Uri.EscapeDataString(path.Length == 0 ? "/" : Uri.UnescapeDataString(path));
        _http = new HttpClient { BaseAddress = IntegrationEnvironment.RabbitMqManagementUri, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
    }

    /// <summary>GET /api/queues/{vhost}/{name}; null when the queue does not exist.</summary>
    public async Task<JsonElement?> GetQueueAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/queues/{_vhost}/{Uri.EscapeDataString(name)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    /// <summary>Reads up to <paramref name="count"/> messages and puts them back (ackmode ack_requeue_true).</summary>
    public async Task<IReadOnlyList<JsonElement>> PeekAsync(string queue, int count, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 100_000 });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"api/queues/{_vhost}/{Uri.EscapeDataString(queue)}/get", content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. doc.RootElement.EnumerateArray().Select(m => m.Clone())];
    }

    /// <summary>
    /// Best-effort removal of everything MassTransit declared for one receive endpoint: the queue, its
    /// <c>_error</c>/<c>_skipped</c> queues and the exchanges of the same names. Never throws: it runs in
    /// <c>finally</c> blocks, where the test outcome (pass, or fail because the broker is down) is already decided.
    /// </summary>
    public async Task DeleteEndpointAsync(string queue)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        foreach (var name in new[] { queue, queue + "_error", queue + "_skipped" })
        {
            foreach (var kind in new[] { "queues", "exchanges" })
            {
                try
                {
                    using var _ = await _http.DeleteAsync($"api/{kind}/{_vhost}/{Uri.EscapeDataString(name)}", cts.Token);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return; // management API unreachable: nothing more to clean
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
