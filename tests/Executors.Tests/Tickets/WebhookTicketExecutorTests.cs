using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Contracts;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Executors.Tickets.Webhooks;
using AutoRespond.Simulators.Common;
using static AutoRespond.Executors.Tests.Tickets.TicketHarness;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class WebhookTicketExecutorTests
{
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string VectorBody = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void IndependentVerifier_StandardWebhooksTestVector_Accepts()
    {
        IndependentWebhookVerifier.Verify(VectorSecret, VectorId, "1614265330", Encoding.UTF8.GetBytes(VectorBody), VectorSignature, 1614265330)
            .ShouldBeTrue();
        IndependentWebhookVerifier.Verify(VectorSecret, VectorId, "1614265331", Encoding.UTF8.GetBytes(VectorBody), VectorSignature, 1614265330)
            .ShouldBeFalse();
    }

    [Fact]
    public void Sign_StandardWebhooksTestVector_GivesTheSpecSignature() =>
        StandardWebhookSigner.Sign(VectorId, 1614265330, Encoding.UTF8.GetBytes(VectorBody), StandardWebhookSigner.KeyFromSecret(VectorSecret))
            .ShouldBe(VectorSignature);

    [Fact]
    public void KeyFromSecret_NotBase64_FailsWithoutQuotingTheSecret()
    {
        var error = Should.Throw<FormatException>(() => StandardWebhookSigner.KeyFromSecret("whsec_not*base64!"));

        error.Message.ShouldNotContain("not*base64!");
    }

    [Fact]
    public async Task Apply_NewIncident_DeliversASignedCreatedEventThatVerifiesIndependently()
    {
        await using var h = await StartAsync();
        h.Actions.Lines.Add(new TicketActionLine("act-fw", ActionKinds.FirewallBlock, "executed", "10.10.0.66", null));

        var outcome = await h.Executor(SignedHook).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var call = h.Requests("webhook").ShouldHaveSingleItem();
        call.Method.ShouldBe("POST");
        call.Path.ShouldBe("/hooks/soar");
        call.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        call.Header("webhook-id").ShouldBe(WebhookTicketExecutor.MessageId("act-t1", "incident.created", Fingerprint(call.Body)));
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        IndependentWebhookVerifier.Verify(h.Host.Credentials.WebhookSecret, call.Header("webhook-id")!, call.Header("webhook-timestamp")!,
            Encoding.UTF8.GetBytes(call.Body), call.Header("webhook-signature")!, now).ShouldBeTrue();
        var delivery = (await h.StateAsync("_sim/webhook/soar/deliveries")).AsArray().ShouldHaveSingleItem()!;
        delivery["signature_valid"]!.GetValue<bool>().ShouldBeTrue();
        var body = JsonNode.Parse(call.Body)!;
        body["type"]!.GetValue<string>().ShouldBe("incident.created");
        body["timestamp"]!.GetValue<string>().ShouldBe("2026-06-01T10:01:00Z");
        var data = body["data"]!;
        data["id"]!.GetValue<string>().ShouldBe("inc-t1");
        data["narrative"]!.GetValue<string>().ShouldContain("TLS without SNI to 203.0.113.50");
        data["breaches"]![0]!["evidence"]!["server"]!.GetValue<string>().ShouldBe("203.0.113.50");
        data["actions"]![0]!["kind"]!.GetValue<string>().ShouldBe("firewall-block");
    }

    [Fact]
    public async Task Lifecycle_CreateTwoUpdatesAndResolve_FourEventsAndNoDuplicateOnRedelivery()
    {
        await using var h = await StartAsync();
        var executor = h.Executor(SignedHook);
        var ct = TestContext.Current.CancellationToken;

        await executor.ApplyAsync(Action(Incident(1)), ct);
        await executor.ApplyAsync(Action(Incident(2)), ct);
        await executor.ApplyAsync(Action(Incident(3)), ct);
        await executor.RevertAsync(Resolve(), ct);
        var redelivered = await executor.ApplyAsync(Action(Incident(3)), ct);

        redelivered.Detail.ShouldStartWith("already in place");
        var deliveries = (await h.StateAsync("_sim/webhook/soar/deliveries")).AsArray();
        deliveries.Select(d => JsonNode.Parse(d!["body"]!.GetValue<string>())!["type"]!.GetValue<string>())
            .ShouldBe(["incident.created", "incident.updated", "incident.updated", "incident.resolved"]);
        deliveries.Select(d => d!["webhook_id"]!.GetValue<string>()).Distinct().Count().ShouldBe(4);
        deliveries.ShouldAllBe(d => d!["signature_valid"]!.GetValue<bool>());
        JsonNode.Parse(deliveries[3]!["body"]!.GetValue<string>())!["data"]!["reason"]!.GetValue<string>().ShouldBe("incident closed");
    }

    [Fact]
    public async Task Apply_429WithRetryAfter_RetriedWithTheSameIdAndAFreshSignature()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject("webhook", new InjectedFault(429, RetryAfter: TimeSpan.FromSeconds(1)));

        var outcome = await h.Executor(SignedHook).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var attempts = h.Requests("webhook");
        attempts.Select(a => a.Status).ShouldBe([429, 204]);
        attempts.Select(a => a.Header("webhook-id")).Distinct().Count().ShouldBe(1);
        (attempts[1].Time - attempts[0].Time).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        attempts.ShouldAllBe(a => IndependentWebhookVerifier.Verify(h.Host.Credentials.WebhookSecret, a.Header("webhook-id")!,
            a.Header("webhook-timestamp")!, Encoding.UTF8.GetBytes(a.Body), a.Header("webhook-signature")!, now));
    }

    [Fact]
    public async Task Apply_EndpointGone_DisabledLoggedAndNothingSentAfterwards()
    {
        await using var h = await StartAsync();
        using (var gone = await h.PostAsync("_sim/webhook/soar/gone", new { }))
            gone.EnsureSuccessStatusCode();
        var executor = h.Executor(SignedHook);

        var first = await executor.ApplyAsync(Action(Incident(1)), TestContext.Current.CancellationToken);
        var second = await executor.ApplyAsync(Action(Incident(2)), TestContext.Current.CancellationToken);

        first.Applied.ShouldBeFalse();
        first.Detail.ShouldContain("410 Gone");
        second.Applied.ShouldBeFalse();
        second.Detail.ShouldContain("disabled");
        h.Requests("webhook").Count.ShouldBe(1);
        h.Logs.Lines.ShouldContain(l => l.Contains("endpoint answered 410 Gone and is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_NoSecretConfigured_UnsignedButIdentified()
    {
        await using var h = await StartAsync();

        var outcome = await h.Executor(PlainHook).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var call = h.Requests("webhook").ShouldHaveSingleItem();
        call.Path.ShouldBe("/hooks/plain");
        call.Header("webhook-signature").ShouldBeNull();
        call.Header("webhook-id")!.ShouldStartWith("msg_");
        call.Header("webhook-timestamp").ShouldNotBeNull();
    }

    [Fact]
    public async Task Apply_OcsfFormat_DataHoldsTheIncidentFindingThenOneDetectionFindingPerBreach()
    {
        await using var h = await StartAsync(format: WebhookPayloadFormat.Ocsf);

        await h.Executor(SignedHook).ApplyAsync(Action(Incident(2)), TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(h.Requests("webhook").ShouldHaveSingleItem().Body)!;
        body["type"]!.GetValue<string>().ShouldBe("incident.created");
        var ocsf = body["data"]!["ocsf"]!.AsArray();
        ocsf.Select(e => e!["class_uid"]!.GetValue<int>()).ShouldBe([2005, 2004, 2004]);
        ocsf[0]!["type_uid"]!.GetValue<long>().ShouldBe(200501);
    }

    private static string Fingerprint(string body) =>
        JsonNode.Parse(body)!["data"]!["fingerprint"]!.GetValue<string>();
}
