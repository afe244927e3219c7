using AutoRespond.Responders.Windows;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Windows;

public sealed class WindowLoaderTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ReloadAsync_StoredWindowThatCannotBeEvaluated_IsSkippedAndTheOthersStayInForce()
    {
        var host = fixture.Host;
        var store = host.Get<IWindowStore>();
        var now = DateTimeOffset.Parse("2026-12-05T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        StoredWindow Window(string id, string? rrule, string device) => new(id, id, now, now.AddHours(2), rrule, null,
            new StoredWindowScope([device], [], [], []), "suppress", null, null, "test", now, "test", now);
        (await store.AddAsync(Window("win-good", null, "10.0.0.1"), TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await store.AddAsync(Window("win-bad-device", null, "not-an-address"), TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await store.AddAsync(Window("win-good", null, "10.0.0.2"), TestContext.Current.CancellationToken)).ShouldBeFalse(); // id taken

        int inForce = await host.Get<WindowLoader>().ReloadAsync(TestContext.Current.CancellationToken);

        inForce.ShouldBe(1);
        var evaluator = host.Get<ChangeWindowEvaluator>();
        evaluator.Covering(new WindowSubject("10.0.0.1"), now.AddHours(1)).ShouldHaveSingleItem().Window.Name.ShouldBe("win-good");
        evaluator.Covering(new WindowSubject("10.0.0.1"), now.AddHours(3)).ShouldBeEmpty();
        await store.DeleteAsync("win-good", TestContext.Current.CancellationToken);
        await store.DeleteAsync("win-bad-device", TestContext.Current.CancellationToken);
        (await host.Get<WindowLoader>().ReloadAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
