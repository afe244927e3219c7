using System.Diagnostics;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Fuzz;

/// <summary>
/// Drives the real sensor pipeline (<see cref="SensorEngine"/>: decoding, flow table, TCP reassembly, dissectors) over
/// mutated packets, deterministic for a seed. Windows of seed traces are replayed in order with packets mutated
/// (<see cref="PacketMutator"/>), dropped, duplicated and reordered (to stress reassembly), timestamps jumped and link
/// types swapped. A crash is an exception escaping the engine or a dissector fault (a parser threw and was caught);
/// invariants are the flow table bound, the reassembly bounds, the decoder's accounting and sane event fields.
/// </summary>
public sealed class SensorFuzzer(SeedCorpus corpus, SensorFuzzOptions options)
{
    private static readonly int[] LinkTypeChoices =
        [LinkTypes.Ethernet, LinkTypes.Raw, LinkTypes.LinuxSll, LinkTypes.LinuxSll2, LinkTypes.Null, LinkTypes.Ipv6, 9999];

    /// <summary>Runs until <paramref name="mutatedPackets"/> mutated packets went through the sensor.</summary>
    public FuzzReport Run(int seed, long mutatedPackets)
    {
        if (corpus.Traces.Count == 0)
        {
            throw new InvalidOperationException("the seed corpus is empty");
        }

        var run = new Session(corpus, options, seed);
        var clock = Stopwatch.StartNew();
        run.Loop(mutatedPackets);
        run.Report.Elapsed = clock.Elapsed;
        return run.Report;
    }

    private sealed class Session
    {
        private readonly SeedCorpus _corpus;
        private readonly SensorFuzzOptions _options;
        private readonly Random _random;
        private readonly PacketMutator _mutator;
        private EventChecker _sink;
        private SensorEngine _engine;
        private long _enginePackets;
        private long _clock = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private byte[] _input = [];
        private string _mutation = "none";
        private long _faults;
        private static readonly long SaneTicks = new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        public Session(SeedCorpus corpus, SensorFuzzOptions options, int seed)
        {
            _corpus = corpus;
            _options = options;
            _random = new Random(seed);
            _mutator = new PacketMutator(_random);
            Report = new FuzzReport("sensor", seed);
            _sink = NewSink();
            _engine = new SensorEngine(options.Sensor, _sink);
        }

        public FuzzReport Report { get; }

        public void Loop(long target)
        {
            while (Report.Inputs < target)
            {
                SeedTrace trace = _corpus.Traces[_random.Next(_corpus.Traces.Count)];
                int count = trace.Packets.Count;
                int start = count <= _options.WindowPackets ? 0 : _random.Next(count - _options.WindowPackets);
                int end = Math.Min(count, start + _options.WindowPackets);
                long offset = _clock + TimeSpan.TicksPerSecond * _random.Next(0, 120) - trace.Packets[start].Ticks;
                SeedPacket? held = null;
                for (int i = start; i < end && Report.Inputs < target; i++)
                {
                    SeedPacket packet = trace.Packets[i];
                    int stream = _random.Next(100);
                    if (stream < 3)
                    {
                        Report.CountMutation("stream.drop");
                        continue;
                    }

                    if (stream < 8 && held is null)
                    {
                        Report.CountMutation("stream.reorder");
                        held = packet;
                        continue;
                    }

                    Feed(packet, offset);
                    if (stream < 12)
                    {
                        Report.CountMutation("stream.duplicate");
                        Feed(packet, offset);
                    }

                    if (held is not null)
                    {
                        Feed(held, offset);
                        held = null;
                    }
                }

                if (_enginePackets >= _options.PacketsPerEngine)
                {
                    Retire();
                }
            }

            Retire();
        }

        private void Feed(SeedPacket seed, long offset)
        {
            int link = seed.LinkType;
            long ticks = Math.Clamp(seed.Ticks + offset, 0, DateTime.MaxValue.Ticks);
            byte[] frame = seed.Frame;
            _mutation = "none";
            bool mutate = _random.NextDouble() < _options.MutationRate;
            if (mutate)
            {
                SeedTrace other = _corpus.Traces[_random.Next(_corpus.Traces.Count)];
                SeedPacket partner = other.Packets[_random.Next(other.Packets.Count)];
                int kind = _random.Next(1000);
                if (kind < 4)
                {
                    link = LinkTypeChoices[_random.Next(LinkTypeChoices.Length)];
                    _mutation = "link.type";
                }
                else if (kind < 8)
                {
                    ticks = kind < 6 ? ticks - TimeSpan.TicksPerHour * _random.Next(1, 1000) : DateTime.MaxValue.Ticks - _random.Next(1000);
                    _mutation = kind < 6 ? "time.backwards" : "time.far-future";
                }
                else
                {
                    (frame, _mutation) = _mutator.Mutate(link, frame, partner.Frame);
                }

                Report.CountMutation(_mutation);
                Report.Inputs++;
            }
            else
            {
                Report.Unmutated++;
            }

            _input = frame;
            if (ticks < SaneTicks)
            {
                _clock = Math.Max(_clock, ticks); // one far-future packet must not drag every later window along
            }

            _enginePackets++;
            try
            {
                _engine.Process(new RawPacket(ticks, link, frame.Length, frame));
            }
            catch (Exception e)
            {
                Report.Crash($"{e.GetType().Name} escaped SensorEngine.Process: {e.Message} at {Top(e)}", _mutation, frame);
                Retire(crashed: true);
                return;
            }

            long faults = _engine.Stats.Dissectors.FaultsTotal;
            if (faults != _faults)
            {
                Report.Crash($"dissector fault: {string.Join(", ", _engine.Stats.Dissectors.Counters().Where(c => c.Key.EndsWith(".faults", StringComparison.Ordinal)))}",
                    _mutation, frame);
                _faults = faults;
            }

            if (_enginePackets % _options.CheckEvery == 0)
            {
                CheckInvariants();
            }
        }

        private void Retire(bool crashed = false)
        {
            if (!crashed)
            {
                try
                {
                    _engine.Complete();
                }
                catch (Exception e)
                {
                    Report.Crash($"{e.GetType().Name} escaped SensorEngine.Complete: {e.Message} at {Top(e)}", _mutation, _input);
                }

                CheckInvariants();
            }

            SensorFuzzer.Collect(Report, _engine.Stats);
            _sink = NewSink();
            _engine = new SensorEngine(_options.Sensor, _sink);
            _enginePackets = 0;
            _faults = 0;
        }

        private EventChecker NewSink() => new() { Violation = what => Report.Violation(what, _mutation, _input) };

        private void CheckInvariants()
        {
            SensorStats s = _engine.Stats;
            Report.CountObservation("flows.peak-active", s.ActiveFlows, max: true);
            var bounds = _options.Sensor.Dissectors.Reassembly;
            if (s.ActiveFlows > _options.Sensor.Flows.MaxFlows)
            {
                Report.Violation($"flow table holds {s.ActiveFlows} flows, limit {_options.Sensor.Flows.MaxFlows}", _mutation, _input);
            }

            if (s.Reassembly.PeakPduBufferBytes > bounds.MaxBufferedBytes)
            {
                Report.Violation($"a PDU buffer reached {s.Reassembly.PeakPduBufferBytes} bytes, limit {bounds.MaxBufferedBytes}", _mutation, _input);
            }

            if (s.Reassembly.PeakHeldBytes > bounds.MaxHeldBytes + 0xFFFF)
            {
                Report.Violation($"held segments reached {s.Reassembly.PeakHeldBytes} bytes, limit {bounds.MaxHeldBytes} + one segment", _mutation, _input);
            }

            var d = s.Decoder;
            long outcomes = d.Transport + d.Fragments + d.OtherIpProtocol + d.Arp + d.NonIp + d.Failed;
            if (outcomes != s.Packets)
            {
                Report.Violation($"decoder accounted {outcomes} of {s.Packets} packets", _mutation, _input);
            }
        }

        private static string Top(Exception e)
            => string.Join(" < ", (e.StackTrace ?? "?").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.Contains("AutoRespond.Sensor", StringComparison.Ordinal)).Take(3).Select(l => l.Trim()));
    }

    /// <summary>Adds an engine's rejection counters to the report (decoder, skips, dissectors, reassembly).</summary>
    internal static void Collect(FuzzReport report, SensorStats s)
    {
        report.Accepted += s.Decoded;
        foreach (var (reason, count) in s.Decoder.FailuresByReason())
        {
            report.CountReason("decode." + reason, count);
        }

        report.CountReason("skip.bad-ip-checksum", s.BadIpChecksum);
        report.CountReason("skip.non-ip", s.Decoder.NonIp);
        report.CountReason("skip.other-ip-protocol", s.Decoder.OtherIpProtocol);
        report.CountReason("skip.non-first-fragment", s.Decoder.Fragments);
        foreach (var (counter, count) in s.Dissectors.Counters())
        {
            if (counter.EndsWith(".malformed", StringComparison.Ordinal) || counter.EndsWith(".mismatches", StringComparison.Ordinal)
                || counter.Contains(".malformed.", StringComparison.Ordinal))
            {
                report.CountReason("dissector." + counter, count);
            }
        }

        var r = s.Reassembly;
        report.CountReason("reassembly.gaps", r.Gaps);
        report.CountReason("reassembly.truncated-segments", r.Truncated);
        report.CountReason("reassembly.overflows", r.Overflows);
        report.CountReason("reassembly.oversize-pdus", r.OversizePdus);
        report.CountReason("reassembly.desyncs", r.Desyncs);
        report.CountReason("reassembly.resync-drops", r.ResyncDrops);
        report.CountReason("reassembly.unfinished-pdus", r.Unfinished);
        report.CountObservation("reassembly.retransmissions", r.Retransmissions);
        report.CountObservation("reassembly.overlaps", r.Overlaps);
        report.CountObservation("reassembly.out-of-order", r.OutOfOrder);
        report.CountObservation("flows.created", s.FlowsCreated);
        report.CountObservation("flows.evicted", s.FlowsEvicted);
        report.CountObservation("dissector.pdus", s.Dissectors.PdusParsed);
        report.CountObservation("dissector.events", s.Dissectors.EventsPublished);
        report.CountObservation("reassembly.peak-pdu-buffer-bytes", r.PeakPduBufferBytes, max: true);
        report.CountObservation("reassembly.peak-held-bytes", r.PeakHeldBytes, max: true);
    }
}
