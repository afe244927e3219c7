namespace AutoRespond.Sensor.Capture;

/// <summary>
/// Reads several capture files as one stream in timestamp order (ties go to the file listed first).
/// Like <see cref="CaptureFileReader"/>, a returned packet's data is valid until the next read.
/// </summary>
public sealed class MergedCaptureReader : IDisposable
{
    private readonly CaptureFileReader[] _readers;
    private readonly bool[] _hasPacket;
    private int _pendingAdvance = -1;
    private bool _primed;
    private CaptureException? _deferred;

    private MergedCaptureReader(CaptureFileReader[] readers)
    {
        _readers = readers;
        _hasPacket = new bool[readers.Length];
    }

    /// <summary>The files being merged, in the order given.</summary>
    public IReadOnlyList<CaptureFileReader> Readers => _readers;

    /// <summary>Opens every file; if one fails, the ones already opened are closed and the error is thrown.</summary>
    public static MergedCaptureReader Open(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var opened = new List<CaptureFileReader>();
        try
        {
            foreach (string path in paths)
            {
                opened.Add(CaptureFileReader.Open(path));
            }
        }
        catch
        {
            foreach (CaptureFileReader r in opened)
            {
                r.Dispose();
            }

            throw;
        }

        return new MergedCaptureReader(opened.ToArray());
    }

    /// <summary>Reads the earliest pending packet across all files. False when every file is exhausted.</summary>
    /// <exception cref="CaptureException">A file was damaged; thrown after every readable packet of every file.</exception>
    public bool TryReadNext(out RawPacket packet)
    {
        if (!_primed)
        {
            for (int i = 0; i < _readers.Length; i++)
            {
                _hasPacket[i] = AdvanceOrDefer(i);
            }

            _primed = true;
        }
        else if (_pendingAdvance >= 0)
        {
            _hasPacket[_pendingAdvance] = AdvanceOrDefer(_pendingAdvance);
        }

        int best = -1;
        for (int i = 0; i < _readers.Length; i++)
        {
            if (_hasPacket[i] && (best < 0 || _readers[i].CurrentTicks < _readers[best].CurrentTicks))
            {
                best = i;
            }
        }

        _pendingAdvance = best;
        if (best < 0)
        {
            packet = default;
            if (_deferred is not null)
            {
                CaptureException error = _deferred;
                _deferred = null;
                throw error;
            }

            return false;
        }

        packet = _readers[best].Current;
        return true;
    }

    /// <summary>A damaged file stops contributing; its error is thrown once the other files are exhausted.</summary>
    private bool AdvanceOrDefer(int index)
    {
        try
        {
            return _readers[index].Advance();
        }
        catch (CaptureException ex)
        {
            _deferred ??= ex;
            return false;
        }
    }

    public void Dispose()
    {
        foreach (CaptureFileReader r in _readers)
        {
            r.Dispose();
        }
    }
}
