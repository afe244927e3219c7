namespace AutoRespond.Host.Tests.Commands;

public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Validate_UnknownKey_ExitsTwoAndNamesLine()
    {
        string path = CliRunner.TempFile("unknown.yaml", "network:\n  internal: [10.0.0.0/8]\n  bogus: 1\n");
        var result = await CliRunner.ProcessAsync("config", "validate", path);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("unknown.yaml:3:3:");
        result.Stderr.ShouldContain("bogus");
    }

    [Fact]
    public async Task Validate_ValidFile_ExitsZeroWithSummary()
    {
        string path = CliRunner.TempFile("ok.yaml", "network:\n  internal: [10.0.0.0/8]\nresponse:\n  mode: confirm\n");
        var result = await CliRunner.InProcessAsync("config", "validate", path);
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("valid");
        result.Stdout.ShouldContain("confirm");
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var result = await CliRunner.InProcessAsync("config", "validate", "/nonexistent/config.yaml");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("config.yaml");
    }
}
