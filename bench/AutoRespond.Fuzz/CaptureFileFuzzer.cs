using System.Diagnostics;
using System.Text.RegularExpressions;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Fuzz;

/// <summary>
/// Mutated and truncated pcap/pcapng files (<see cref="CaptureFileMutator"/>) through <see cref="CaptureFileReader"/>
/// and on into a <see cref="SensorEngine"/>. Each file must read to its end or stop with a <see cref="CaptureException"/>
/// (its message, numbers masked, is the rejection reason); anything else, or a file not done within the timeout, is a crash.
/// </summary>
public sealed partial class CaptureFileFuzzer(IReadOnlyList<(string Name, byte[] Bytes)> seeds, TimeSpan timeout)
{
    /// <summary>Packets read from one file at most (a guard against a reader that never ends).</summary>
    public const int MaxPacketsPerFile = 1_000_000;

    /// <summary>Seed files: the given captures, whole, with a big-endian nanosecond copy of each classic pcap.</summary>
    public static List<(string Name, byte[] Bytes)> Seeds(IEnumerable<string> paths)
    {
        var seeds = new List<(string, byte[])>();
        foreach (string path in paths)
        {
            byte[] bytes = File.ReadAllBytes(path);
            seeds.Add((Path.GetFileName(path), bytes));
            if (CaptureFileSeeds.ToBigEndianNanosecond(bytes) is { } swapped)
            {
                seeds.Add((Path.GetFileName(path) + " (big-endian ns)", swapped));
            }
        }

        return seeds;
    }

    public FuzzReport Run(int seed, int files)
    {
        var random = new Random(seed);
        var mutator = new CaptureFileMutator(random);
        var report = new FuzzReport("capture-files", seed);
        string dir = Directory.CreateTempSubdirectory("ar-fuzz-files-").FullName;
        var clock = Stopwatch.StartNew();
        try
        {
            for (int i = 0; i < files; i++)
            {
                (string _, byte[] bytes) = seeds[random.Next(seeds.Count)];
                (byte[] file, string mutation) = mutator.Mutate(bytes);
                report.CountMutation(mutation);
                report.Inputs++;
                string path = Path.Combine(dir, $"fuzz-{i % 4}.pcap");
                File.WriteAllBytes(path, file);
                var one = Stopwatch.StartNew();
                var task = Task.Run(() => ReadAll(path));
                if (!task.Wait(timeout))
                {
                    report.Crash($"hang: not done after {timeout.TotalSeconds:0} s", mutation, file);
                    continue; // the thread is abandoned; the run goes on
                }

                report.SlowestInput = one.Elapsed > report.SlowestInput ? one.Elapsed : report.SlowestInput;
                (string? rejection, Exception? crash) = task.Result;
                if (crash is not null)
                {
                    report.Crash($"{crash.GetType().Name}: {crash.Message}", mutation, file);
                }
                else if (rejection is not null)
                {
                    report.CountReason("capture: " + rejection);
                }
                else
                {
                    report.Accepted++;
                }
            }
        }
        finally
        {
            report.Elapsed = clock.Elapsed;
            Directory.Delete(dir, recursive: true);
        }

        return report;
    }

    /// <summary>Reads a file through the sensor: (null, null) when read to its end, the masked reason, or the crash.</summary>
    public static (string? Rejection, Exception? Crash) ReadAll(string path)
    {
        try
        {
            var engine = new SensorEngine(new SensorOptions(), new EventChecker());
            using (var reader = CaptureFileReader.Open(path))
            {
                while (reader.PacketsRead < MaxPacketsPerFile && reader.TryReadNext(out RawPacket p))
                {
                    engine.Process(p);
                }
            }

            engine.Complete();
            return engine.Stats.Dissectors.FaultsTotal == 0 ? (null, null)
                : (null, new InvalidOperationException("dissector fault: " + string.Join(", ", engine.Stats.Dissectors.Counters())));
        }
        catch (CaptureException e)
        {
            string message = e.Message.StartsWith(Path.GetFileName(path) + ": ", StringComparison.Ordinal)
                ? e.Message[(Path.GetFileName(path).Length + 2)..]
                : "(message does not start with the file name) " + e.Message;
            return (Mask(message), null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    /// <summary>A message with its numbers masked, so equal reasons count together.</summary>
    public static string Mask(string message) => Numbers().Replace(message, "#");

    [GeneratedRegex(@"0x[0-9a-fA-F]+|\d+(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();
}
