using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.TestUtils;
using RabbitMQ.Client;

namespace AutoRespond.Host.Tests.Commands;

/// <summary>
/// A sensor stopped by SIGTERM sends what it still holds: the events of its last, unfilled batches and the flows that
/// were open when it stopped (ended by the flush at stop). Real RabbitMQ (<c>AR_TEST_RABBITMQ</c>), the real process.
/// </summary>
public sealed partial class SensorStopTests
{
    [Fact]
    public async Task Sensor_StoppedMidReplay_SendsEveryEventItAcceptedIncludingOpenFlows()
    {
        var broker = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        string prefix = $"ar-stop-{Guid.NewGuid():N}"[..16];
        var folder = Directory.CreateTempSubdirectory("autorespond-sensor-stop-");
        string capture = Path.Combine(folder.FullName, "udp.pcap");
        WriteCapture(capture);
        string config = Path.Combine(folder.FullName, "sensor.yaml");
        await File.WriteAllTextAsync(config, $$"""
            network:
              internal: [198.18.0.0/15]
            bus: { transport: rabbitmq, uri: "{{broker}}" }
            """, ct);
        string queue = $"{prefix}-brain-0";
        using var sensor = RoleProcess.Start("sensor", prefix, "--replay", capture, "--speed", "1", "--config", config, "--partitions", "1", "--sensor-id", "stop-test");
        try
        {
            // Two seconds into a 30-second capture (packet time = wall time at --speed 1): 40 UDP flows are open, none
            // has ended (their packets come every 0.5 s, the UDP timeout is 60 s), so only the flush at stop ends them.
            await sensor.WaitForAsync("sensor: replaying", TimeSpan.FromSeconds(60), ct); // however slow the start-up
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            sensor.Process.HasExited.ShouldBeFalse(sensor.Log);
            await sensor.TerminateAsync(TimeSpan.FromSeconds(30), ct);
            sensor.Process.ExitCode.ShouldBe(0, sensor.Log);

            var done = DoneLine().Match(sensor.Log);
            done.Success.ShouldBeTrue($"no summary line in the sensor's log:\n{sensor.Log}");
            long sent = long.Parse(done.Groups[1].Value, CultureInfo.InvariantCulture);
            long accepted = long.Parse(done.Groups[2].Value, CultureInfo.InvariantCulture);
            sent.ShouldBe(accepted, sensor.Log);

            var (events, flows) = await DrainAsync(broker, queue, ct);
            events.ShouldBe(accepted);
            flows.ShouldBe(40); // every flow, each ended once, by the flush at stop
        }
        finally
        {
            sensor.Dispose();
            await RoleProcess.DeleteQueuesAsync(broker, [queue]);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>40 UDP flows from 198.18.1.x to 198.18.0.2:9999, one packet each per 0.5 s, for 30 s of packet time.</summary>
    private static void WriteCapture(string path)
    {
        using var writer = PcapWriter.Create(path);
        var buffer = new byte[256];
        long t0 = DateTimeOffset.UtcNow.UtcTicks;
        var server = IpAddr.FromV4(198, 18, 0, 2);
        for (int step = 0; step < 60; step++)
        {
            for (int flow = 0; flow < 40; flow++)
            {
                var client = IpAddr.FromV4(198, 18, 1, (byte)(flow + 1));
                int n = FrameBuilder.Udp(buffer, new EthernetSpec(MacAddress.Parse($"02:00:00:00:01:{flow + 1:x2}"),
                    MacAddress.Parse("02:00:00:00:00:02")), new IpSpec(client, server), (ushort)(40000 + flow), 9999, new byte[16]);
                writer.Write(t0 + step * TimeSpan.TicksPerSecond / 2 + flow * TimeSpan.TicksPerMillisecond, buffer.AsSpan(0, n));
            }
        }
    }

    /// <summary>Every batch in the queue: how many events, and how many of them are ended flows.</summary>
    private static async Task<(long Events, int Flows)> DrainAsync(Uri broker, string queue, CancellationToken ct)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        long events = 0;
        int flows = 0;
        while (await channel.BasicGetAsync(queue, autoAck: true, ct) is { } message)
        {
            using var json = JsonDocument.Parse(message.Body);
            foreach (var e in json.RootElement.GetProperty("message").GetProperty("events").EnumerateArray())
            {
                events++;
                if (e.GetProperty("event").GetString() == "flow") flows++;
            }
        }

        return (events, flows);
    }

    [GeneratedRegex(@"sensor: (\d+) of (\d+) events sent")]
    private static partial Regex DoneLine();
}
