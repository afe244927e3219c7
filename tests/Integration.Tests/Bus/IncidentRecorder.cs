using System.Collections.Concurrent;
using System.Threading.Channels;
using AutoRespond.Contracts;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// Thread-safe sink of <see cref="RecordingIncidentConsumer"/> (a singleton; consumers are scoped).
/// <see cref="FailFirstAttempts"/> makes the consumer throw on the first N deliveries of each incident,
/// to exercise consumer retry and the <c>_error</c> queue.
/// </summary>
public sealed class IncidentRecorder
{
    private readonly ConcurrentQueue<IncidentScored> _received = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Channel<IncidentScored> _arrivals = Channel.CreateUnbounded<IncidentScored>();

    public int FailFirstAttempts { get; init; }

    public IReadOnlyCollection<IncidentScored> Received => _received.ToArray();

    public int Attempts(string incidentId) => _attempts.GetValueOrDefault(incidentId);

    /// <summary>Counts a delivery attempt and returns its number (1 for the first).</summary>
    public int NoteAttempt(string incidentId) => _attempts.AddOrUpdate(incidentId, 1, (_, n) => n + 1);

    public void Record(IncidentScored message)
    {
        _received.Enqueue(message);
        _arrivals.Writer.TryWrite(message);
    }

    /// <summary>Waits for the incident with <paramref name="incidentId"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IncidentScored> WaitForAsync(string incidentId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await foreach (var message in _arrivals.Reader.ReadAllAsync(cts.Token))
            {
                if (message.Id == incidentId)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // fall through to the timeout below
        }

        throw new TimeoutException(
            $"Incident '{incidentId}' not consumed within {timeout.TotalSeconds} s ({Attempts(incidentId)} delivery attempts seen).");
    }
}
