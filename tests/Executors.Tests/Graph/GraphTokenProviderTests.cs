using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Graph;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Simulators;
using Microsoft.Extensions.Time.Testing;
using static AutoRespond.Executors.Tests.Graph.GraphHarness;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphTokenProviderTests
{
    [Fact]
    public async Task GetToken_ClientCredentials_PostsTheFormOnceAndCachesUntilShortlyBeforeExpiry()
    {
        await using var host = await SimulatorHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(T0);
        using var http = new HttpClient();
        var credentials = host.Credentials;
        var config = new GraphConfig(host.UrlFor("v1.0"), credentials.GraphTenantId, credentials.GraphClientId, "GRAPH_SECRET", host.BaseUri, null);
        var provider = new GraphTokenProvider(config, credentials.GraphClientSecret, () => http, time);
        var api = host.UrlFor("v1.0/users/alice@contoso.com");

        string first = await provider.GetAuthorizationTokenAsync(api, cancellationToken: TestContext.Current.CancellationToken);
        string cached = await provider.GetAuthorizationTokenAsync(api, cancellationToken: TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(3599) - GraphTokenProvider.RenewBefore + TimeSpan.FromSeconds(1));
        string renewed = await provider.GetAuthorizationTokenAsync(api, cancellationToken: TestContext.Current.CancellationToken);

        first.ShouldNotBeNullOrEmpty();
        cached.ShouldBe(first);
        renewed.ShouldNotBe(first);
        var posts = host.Journal.For("graph");
        posts.Count.ShouldBe(2);
        posts[0].Method.ShouldBe("POST");
        posts[0].Path.ShouldBe($"/{credentials.GraphTenantId}/oauth2/v2.0/token");
        posts[0].Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        posts[0].Header("Authorization").ShouldBeNull();
        posts[0].Body.ShouldBe($"grant_type=client_credentials&client_id={credentials.GraphClientId}&client_secret={credentials.GraphClientSecret}"
            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
        posts[0].Status.ShouldBe(200);
    }

    [Fact]
    public async Task GetToken_HostNotConfigured_EmptyAndNoRequest()
    {
        await using var host = await SimulatorHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var config = new GraphConfig(host.UrlFor("v1.0"), null, null, null, host.BaseUri, "GRAPH_TOKEN");
        var provider = new GraphTokenProvider(config, "static-token", () => http, TimeProvider.System);

        string token = await provider.GetAuthorizationTokenAsync(new Uri("https://elsewhere.example/v1.0/users"),
            cancellationToken: TestContext.Current.CancellationToken);

        token.ShouldBeEmpty();
        host.Journal.All().ShouldBeEmpty();
    }

    [Fact]
    public async Task GetToken_PlainHttpToANonLoopbackHost_Refused()
    {
        var config = new GraphConfig(new Uri("http://graph.example/v1.0"), null, null, null, GraphConfig.DefaultAuthority, "GRAPH_TOKEN");
        using var http = new HttpClient();
        var provider = new GraphTokenProvider(config, "static-token", () => http, TimeProvider.System);

        var error = await Should.ThrowAsync<GraphTokenException>(() =>
            provider.GetAuthorizationTokenAsync(new Uri("http://graph.example/v1.0/users"), cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldContain("only https");
        error.Message.ShouldNotContain("static-token");
    }

    [Fact]
    public async Task Apply_ClientSecretConfigured_GetsATokenOnceAndSendsItAsBearer()
    {
        await using var h = await StartAsync(clientSecret: true);
        var executor = h.Executor<IActionExecutor>(ActionKinds.DisableUser);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var token = h.Requests.Where(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)).ShouldHaveSingleItem();
        token.Status.ShouldBe(200);
        var bearer = h.ApiRequests.Select(r => r.Header("Authorization")).Distinct().ShouldHaveSingleItem();
        bearer.ShouldStartWith("Bearer sim.");
        h.ApiRequests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Apply_WrongClientSecret_NotAppliedNamingTheErrorNotTheSecret()
    {
        var secrets = new Dictionary<string, string> { ["GRAPH_SECRET"] = "not-the-secret-123" };
        await using var h = await StartAsync(clientSecret: true, secrets: secrets);
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("HTTP 401 invalid_client (AADSTS7000215)");
        outcome.Detail.ShouldNotContain("not-the-secret-123");
        h.ApiRequests.ShouldBeEmpty();
    }
}
