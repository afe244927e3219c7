using System.Text;
using System.Text.Json;

namespace AutoRespond.Api.Tests;

/// <summary>Small HTTP helpers: send JSON, read JSON.</summary>
public static class Http
{
    public static async Task<(int Status, JsonElement Body, string Text, HttpResponseMessage Response)> SendAsync(
        this HttpClient client, string method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonElement json = default;
        if (text.Length > 0 && (response.Content.Headers.ContentType?.MediaType ?? "").Contains("json", StringComparison.Ordinal))
            json = JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json, text, response);
    }

    /// <summary>Polls until <paramref name="condition"/> holds (at most 30 s: a busy CI machine).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("timed out waiting for " + what);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
