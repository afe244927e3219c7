using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Events;

/// <summary>Identity and email events posted for the executors (an extension of CONTRACT.md §5).</summary>
public sealed class EventTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task PostIdentityAndEmail_Stored_ReadableByTheExecutorsStore()
    {
        using var client = fixture.Host.Client("ticketing");
        var (status, body, text, _) = await client.SendAsync("POST", "api/v1/events/identity",
            """{"time":"2026-12-05T22:00:00+01:00","user":"bob@contoso.com","address":"10.10.0.70","kind":"sign-in","source":"entra"}""");
        status.ShouldBe(201, text);
        body.GetProperty("posted_by").GetString().ShouldBe("snow");
        (status, _, text, _) = await client.SendAsync("POST", "api/v1/events/email",
            """{"time":"2026-12-05T22:05:00Z","user":"bob@contoso.com","message_id":"<abc@mail.example>","sender":"evil@example.net","subject":"invoice"}""");
        status.ShouldBe(201, text);

        var store = fixture.Host.Get<IPostedEventStore>();
        var identity = (await store.ListAsync(PostedEvent.IdentityKind, null, "10.10.0.70", null, 10, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        identity.User.ShouldBe("bob@contoso.com");
        identity.Time.ShouldBe(DateTimeOffset.Parse("2026-12-05T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var email = (await store.ListAsync(PostedEvent.EmailKind, "bob@contoso.com", null, null, 10, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        email.MessageId.ShouldBe("<abc@mail.example>");
        email.DetailJson.ShouldContain("evil@example.net");

        using var viewer = fixture.Host.Client("viewer");
        (await viewer.SendAsync("GET", "api/v1/events?user=bob@contoso.com")).Body.GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("identity", """{"user":"bob@contoso.com"}""", "time")]
    [InlineData("identity", """{"time":"2026-12-05T22:00:00","user":"bob@contoso.com"}""", "time")]
    [InlineData("identity", """{"time":"2026-12-05T22:00:00Z","user":"bob"}""", "user")]
    [InlineData("identity", """{"time":"2026-12-05T22:00:00Z","user":"bob@contoso.com","address":"10.0.0.300"}""", "address")]
    [InlineData("identity", """{"time":"2026-12-05T22:00:00Z","user":"bob@contoso.com","kind":"DROP TABLE"}""", "kind")]
    [InlineData("email", """{"time":"2026-12-05T22:00:00Z","user":"bob@contoso.com"}""", "message_id")]
    [InlineData("email", """{"time":"2026-12-05T22:00:00Z","user":"bob@contoso.com","message_id":7}""", "message_id")]
    public async Task PostEvent_BadInput_Returns400NamingTheFieldAndStoresNothing(string kind, string body, string field)
    {
        var store = fixture.Host.Get<IPostedEventStore>();
        int before = (await store.ListAsync(null, null, null, null, 1000, TestContext.Current.CancellationToken)).Count;
        using var client = fixture.Host.Client("admin");
        var (status, problem, text, _) = await client.SendAsync("POST", "api/v1/events/" + kind, body);
        status.ShouldBe(400, text);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        (await store.ListAsync(null, null, null, null, 1000, TestContext.Current.CancellationToken)).Count.ShouldBe(before);
    }
}
