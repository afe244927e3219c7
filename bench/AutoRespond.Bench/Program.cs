using System.Diagnostics;
using System.Globalization;
using AutoRespond.Bench;
using BenchmarkDotNet.Running;

// bench MODE FILE [options]: one measurement per process, so peak RSS is the mode's own.
//   generate FILE [packets] [flows]   write the synthetic capture
//   libpcap FILE                      raw libpcap read loop (SharpPcap, no parse): the ceiling
//   managed FILE                      the sensor's own pcap reader, no parse
//   sensor FILE                       reader + full SensorEngine (decode, flows, dissectors), events discarded
//   MODE-warm FILE                    (libpcap, managed, sensor, decode, flows, flows-bare) run twice, the second timed
//   brain FILE [passes]               the brain alone on FILE's events (collected first, not timed)
//   alloc                             BenchmarkDotNet memory diagnoser on the sensor hot path
//   fuzz [packets] [seed] [files] [documents]   hostile-input run (FuzzMode.cs; docs/security.md)
//   rst-latency [connections] [background/s] [pause ms]   packet → RST on the wire, in namespaces (root; RstLatency/)
//   latency-inprocess | latency-bus | bus-events | actions   distributed pipeline (Pipeline/PipelineModes.cs; run-latency.sh)
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: bench generate FILE [packets] [flows] | libpcap FILE | managed FILE | sensor FILE | brain FILE [passes] | alloc | rst-latency [connections] [background/s] [pause ms] | fuzz [packets] [seed] [files] [documents] | latency-inprocess | latency-bus | bus-events | actions");
    return 2;
}
if (args[0] == "brain")
{
    Console.WriteLine(BrainLoop.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5));
    return 0;
}
if (AutoRespond.Bench.Pipeline.PipelineModes.Names.Contains(args[0]))
{
    try
    {
        return await AutoRespond.Bench.Pipeline.PipelineModes.RunAsync(args);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}
if (args[0] == "rst-latency") return AutoRespond.Bench.RstLatency.RstLatencyMode.Run(args[1..]); // root; bench/run-rst-latency.sh
if (args[0] == "fuzz")
{
    return FuzzMode.Run(args[1..]);
}
if (args[0] == "alloc")
{
    BenchmarkRunner.Run<SensorAllocationBenchmark>(args: args[1..]);
    return 0;
}
string file = args[1];
string detail = "";
// MODE-warm: the same run twice in one process, only the second timed (the JIT has then tiered up, as in a sensor
// that has been running; the plain modes include start-up, as a one-off command does).
string mode = args[0].EndsWith("-warm", StringComparison.Ordinal) ? args[0][..^5] : args[0];
if (mode != args[0])
{
    Run(mode);
    GC.Collect();
}
var clock = Stopwatch.StartNew();
long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
long packets = Run(mode);
double seconds = clock.Elapsed.TotalSeconds;
long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
// One line of key=value pairs for bench/run.sh.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={args[0]} packets={packets} seconds={seconds:0.000} mpps={packets / seconds / 1e6:0.000} "
    + $"alloc_bytes_per_packet={(double)allocated / Math.Max(1, packets):0.0} peak_rss_mib={Loops.PeakRssMiB():0.0} gen0={GC.CollectionCount(0)} {detail}").TrimEnd());
return 0;

long Run(string mode) => mode switch
{
    "generate" => SyntheticCapture.Write(file, args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 3_000_000,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000),
    "libpcap" => Loops.Libpcap(file),
    "managed" => Loops.Managed(file),
    "sensor" => Loops.Sensor(file, out _),
    "decode" => Loops.Decode(file),
    "flows-bare" => Loops.Flows(file, dissectors: false, out detail),
    "flows" => Loops.Flows(file, dissectors: true, out detail),
    _ => throw new ArgumentException($"unknown mode {args[0]}"),
};
