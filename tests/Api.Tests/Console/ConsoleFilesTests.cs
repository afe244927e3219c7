using System.Text.RegularExpressions;

namespace AutoRespond.Api.Tests.Console;

public sealed partial class ConsoleFilesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("console/", "text/html")]
    [InlineData("console/app.js", "text/javascript")]
    [InlineData("console/app.css", "text/css")]
    public async Task ConsoleFile_Served_WithoutKeyFromThisOriginOnly(string path, string type)
    {
        using var client = fixture.Host.Client("none");
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        External().Matches(text).Select(m => m.Value).ShouldBeEmpty(); // no CDN: nothing loads from elsewhere
    }

    [Theory]
    [InlineData("console/../appsettings.json")]
    [InlineData("console/missing.js")]
    [InlineData("console/app.exe")]
    public async Task ConsoleFile_Unknown_Returns404(string path)
    {
        using var client = fixture.Host.Client("none");
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(404);
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//|@import|url\(\s*[""']?https?:", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
