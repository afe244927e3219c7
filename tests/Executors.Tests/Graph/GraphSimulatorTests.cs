using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Simulators;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphSimulatorTests
{
    [Theory]
    [InlineData("v1.0/security/collaboration/analyzedEmails/microsoft.graph.security.remediate")]
    [InlineData("v1.0/security/collaboration/analyzedEmails/remediate")]
    public async Task Remediate_ValidBody_Accepted202WithActionCenterLocation(string path)
    {
        await using var host = await SimulatorHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await client.SendAsync(Post(path, host.Credentials.GraphAccessToken,
            """{"action":"softDelete","analyzedEmails":[{"id":"ae-1"}],"description":"y","displayName":"x","remediateSendersCopy":false,"severity":"medium"}"""),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location!.OriginalString.ShouldStartWith("https://security.microsoft.com/action-center/history?filters=");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Move_NoDestination_ErrorInvalidParameterAsGraphAnswers()
    {
        await using var host = await SimulatorHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await client.SendAsync(Post("v1.0/users/alice@contoso.com/messages/m-1/move", host.Credentials.GraphAccessToken, "{}"),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
        error["code"]!.GetValue<string>().ShouldBe("ErrorInvalidParameter");
        error["message"]!.GetValue<string>().ShouldBe("The value of the parameter 'DestinationId' is empty.");
        error["innerError"]!["request-id"].ShouldNotBeNull();
    }

    [Fact]
    public async Task AnyRoute_NoToken_InvalidAuthenticationToken401()
    {
        await using var host = await SimulatorHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await client.GetAsync("v1.0/users/alice@contoso.com", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!["code"]!.GetValue<string>()
            .ShouldBe("InvalidAuthenticationToken");
    }

    private static HttpRequestMessage Post(string path, string token, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
