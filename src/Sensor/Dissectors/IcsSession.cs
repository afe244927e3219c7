using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>A classified ICS request waiting for its response (DETECTION.md §1.2–1.6).</summary>
internal readonly record struct IcsRequest(
    long Ticks, string Protocol, string Class, string Function, int Code, string? Detail, bool Critical = false);

/// <summary>ICS command classes (CONTRACT.md §1: session, discover, read, action, reprogram) and outcomes.</summary>
internal static class IcsClass
{
    public const string Session = "session";
    public const string Discover = "discover";
    public const string Read = "read";
    public const string Action = "action";
    public const string Reprogram = "reprogram";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Unknown = "unknown";
}

/// <summary>
/// Base of the ICS sessions: requests are held by a protocol key (PDU reference, transaction id, sequence) until the
/// response with that key gives the outcome; unanswered ones get outcome unknown when the key is reused, the table is
/// full, they time out, or the flow ends. Events leave in request order (a request answered early waits for the ones
/// before it), so a flow's commands read in the order they were sent. Bounded per flow.
/// </summary>
internal abstract class IcsSession(DissectorContext context, DissectorKind kind) : DissectorSession(context, kind)
{
    private readonly Entry[] _entries = new Entry[Math.Max(1, context.Options.MaxPendingRequests)];
    private int _count;

    private struct Entry
    {
        public ulong Key;
        public IcsRequest Request;
        public string? Outcome;
        public string? Extra;
    }

    /// <summary>Holds <paramref name="request"/> until the response with <paramref name="key"/> arrives.</summary>
    protected void Await(ulong key, in IcsRequest request) => Add(key, request, null, null);

    /// <summary>A request that gets no response by design (or whose outcome is known now): reported in order.</summary>
    protected void Report(in IcsRequest request, string outcome, string? extraDetail = null)
        => Add(ulong.MaxValue, request, outcome, extraDetail);

    /// <summary>Gives the request awaiting <paramref name="key"/> its outcome; false when none is pending.</summary>
    protected bool Complete(ulong key, string outcome, string? extraDetail = null)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Outcome is null && _entries[i].Key == key)
            {
                Resolve(i, outcome, extraDetail);
                return true;
            }
        }

        return false;
    }

    /// <summary>Gives the oldest unanswered request its outcome (protocols with one request outstanding).</summary>
    protected bool CompleteOldest(string outcome, string? extraDetail = null)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Outcome is null)
            {
                Resolve(i, outcome, extraDetail);
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a request with <paramref name="key"/> awaits its response.</summary>
    protected bool IsPending(ulong key)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Outcome is null && _entries[i].Key == key)
            {
                return true;
            }
        }

        return false;
    }

    public override void OnEnd(long ticks)
    {
        for (int i = 0; i < _count; i++)
        {
            _entries[i].Outcome ??= IcsClass.Unknown;
        }

        Flush();
    }

    private void Add(ulong key, in IcsRequest request, string? outcome, string? extra)
    {
        long timeout = Context.Options.RequestTimeout.Ticks;
        for (int i = 0; i < _count; i++)
        {
            ref Entry e = ref _entries[i];
            if (e.Outcome is null && (e.Key == key || request.Ticks - e.Request.Ticks > timeout))
            {
                e.Outcome = IcsClass.Unknown; // key reused or timed out: that response is not coming
            }
        }

        Flush();
        if (_count == _entries.Length)
        {
            _entries[0].Outcome ??= IcsClass.Unknown; // full: the oldest is given up
            Flush();
        }

        _entries[_count++] = new Entry { Key = key, Request = request, Outcome = outcome, Extra = extra };
        Flush();
    }

    private void Resolve(int index, string outcome, string? extra)
    {
        _entries[index].Outcome = outcome;
        _entries[index].Extra = extra;
        Flush();
    }

    /// <summary>Publishes the answered requests at the front, in request order.</summary>
    private void Flush()
    {
        int done = 0;
        while (done < _count && _entries[done].Outcome is not null)
        {
            Entry e = _entries[done++];
            IcsRequest r = e.Request;
            string? detail = e.Extra is null ? r.Detail : r.Detail is null ? e.Extra : r.Detail + " " + e.Extra;
            Publish(new IcsCommandSeen(Time(r.Ticks), Flow.Uid, Flow.Client, Flow.Server, Flow.ServerPort,
                r.Protocol, r.Class, r.Function, r.Code, detail, e.Outcome!, r.Critical));
        }

        if (done > 0)
        {
            Array.Copy(_entries, done, _entries, 0, _count - done);
            Array.Clear(_entries, _count - done, done);
            _count -= done;
        }
    }
}
