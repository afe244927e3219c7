namespace AutoRespond.Host.Tests.Commands;

public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("replay", "--help")]
    [InlineData("demo", "--help")]
    [InlineData("flows", "--help")]
    [InlineData("config", "--help")]
    [InlineData("config", "validate", "--help")]
    public async Task Help_EveryCommand_PrintsUsage(params string[] args)
    {
        var result = await CliRunner.InProcessAsync(args);
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Usage:");
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoWithPointerToHelp()
    {
        var result = await CliRunner.InProcessAsync("replay", "x.pcap", "--frobnicate");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--frobnicate");
        result.Stderr.ShouldContain("autorespond replay --help");
    }

    [Fact]
    public async Task BadFormat_ExitsTwo()
    {
        var result = await CliRunner.InProcessAsync("replay", "x.pcap", "--format", "xml");
        result.ExitCode.ShouldBe(2);
    }
}
