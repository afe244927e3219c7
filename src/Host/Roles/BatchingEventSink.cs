using System.Threading.Channels;
using AutoRespond.Contracts;
using AutoRespond.Sensor;

namespace AutoRespond.Host.Roles;

/// <summary>
/// The sensor's side of the bus: events are grouped per brain partition into numbered batches (at most
/// <see cref="BatchSize"/> events, or whatever is pending once <see cref="FlushAfter"/> of wall time has passed, so a
/// quiet network still reports within a quarter of a second) and
/// queued for the publisher. In replay the queue applies back-pressure (nothing is lost); live, a full queue drops the
/// batch and counts it, because a tap cannot wait.
/// </summary>
public sealed class BatchingEventSink(string sensorId, int partitions, bool dropWhenFull, TimeProvider time, int capacity = 256) : INetworkEventSink
{
    public const int BatchSize = 512;
    public static readonly TimeSpan FlushAfter = TimeSpan.FromMilliseconds(250);

    private readonly List<NetworkEvent>[] _pending = [.. Enumerable.Range(0, Math.Max(1, partitions)).Select(_ => new List<NetworkEvent>(BatchSize))];
    private readonly long[] _sequence = new long[Math.Max(1, partitions)];
    private readonly Channel<(int Partition, NetworkEventBatch Batch)> _queue =
        Channel.CreateBounded<(int, NetworkEventBatch)>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    private long _lastFlush = time.GetTimestamp();

    public ChannelReader<(int Partition, NetworkEventBatch Batch)> Batches => _queue.Reader;

    public long Events { get; private set; }

    public long DroppedBatches { get; private set; }

    public void Publish(NetworkEvent networkEvent)
    {
        int p = DevicePartitioner.PartitionOf(networkEvent, _pending.Length);
        _pending[p].Add(networkEvent);
        Events++;
        if (_pending[p].Count >= BatchSize) Flush(p);
    }

    public void AdvanceTo(DateTimeOffset packetTime)
    {
        if (time.GetElapsedTime(_lastFlush) < FlushAfter) return;
        _lastFlush = time.GetTimestamp();
        for (int p = 0; p < _pending.Length; p++)
            if (_pending[p].Count > 0) Flush(p);
    }

    /// <summary>Flushes everything and closes the queue (end of capture or shutdown).</summary>
    public void Complete()
    {
        for (int p = 0; p < _pending.Length; p++)
            if (_pending[p].Count > 0) Flush(p);
        _queue.Writer.TryComplete();
    }

    private void Flush(int p)
    {
        var batch = new NetworkEventBatch($"{sensorId}/{p}", ++_sequence[p], _pending[p].ToArray());
        _pending[p].Clear();
        if (dropWhenFull)
        {
            if (!_queue.Writer.TryWrite((p, batch))) DroppedBatches++;
            return;
        }
        while (!_queue.Writer.TryWrite((p, batch)))
            _queue.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
    }
}
