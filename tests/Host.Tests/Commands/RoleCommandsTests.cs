using AutoRespond.Host.Cli;

namespace AutoRespond.Host.Tests.Commands;

/// <summary>The distributed roles refuse a bad command line before connecting to anything.</summary>
public sealed class RoleCommandsTests
{
    [Fact]
    public async Task Sensor_NeitherInterfaceNorCapture_UsageError()
    {
        var result = await CliRunner.InProcessAsync("sensor");
        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Stderr.ShouldContain("give either --interface NAME or --replay CAPTURE");
    }

    [Fact]
    public async Task Sensor_TwoInterfaces_UsageErrorOneProcessPerInterface()
    {
        var result = await CliRunner.InProcessAsync("sensor", "--interface", "eth1", "--interface", "eth2");
        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Stderr.ShouldContain("one sensor process per interface");
    }

    [Fact]
    public async Task Sensor_MissingCapture_UsageErrorNamingIt()
    {
        var result = await CliRunner.InProcessAsync("sensor", "--replay", "/nonexistent/x.pcap");
        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Stderr.ShouldContain("/nonexistent/x.pcap: no such capture file");
    }

    [Fact]
    public async Task Brain_PartitionOutsideRange_UsageError()
    {
        var result = await CliRunner.InProcessAsync("brain", "--partition", "3", "--partitions", "2");
        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Stderr.ShouldContain("--partition must be between 0 and 1");
    }

    [Fact]
    public async Task Dlq_InMemoryBus_UsageErrorExplainsRabbitMqIsNeeded()
    {
        var result = await CliRunner.InProcessAsync("dlq", "list");
        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Stderr.ShouldContain("dead-letter queues exist only on RabbitMQ");
    }
}
