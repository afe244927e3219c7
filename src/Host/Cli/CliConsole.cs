namespace AutoRespond.Host.Cli;

/// <summary>
/// Where a command writes. stdout carries only the command's output (JSON lines, tables); errors,
/// progress and logs go to stderr. Tests substitute both writers.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, Func<Stream>? openStdout = null, bool interactive = false)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, Console.OpenStandardOutput,
        !Console.IsErrorRedirected);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is a terminal: progress is shown only then.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>True when stdout is a terminal: commands default to the table view then.</summary>
    public bool OutputIsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>A raw stream on stdout for UTF-8 JSON lines (or a stream over <see cref="Out"/> in tests).</summary>
    public Stream OpenOutputStream() => openStdout?.Invoke() ?? new TextWriterStream(Out);

    public void Fail(string message) => Error.WriteLine($"autorespond: error: {message}");

    /// <summary>
    /// "N packets…" rewritten in place on stderr while a capture is read, or null when stderr is not a terminal (a
    /// pipe or a log gets no progress). Report every 65,536 packets or so; <see cref="PacketProgress.Done"/> clears the line.
    /// </summary>
    public PacketProgress? StartPacketProgress() => Interactive ? new PacketProgress(Error) : null;

    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) =>
            writer.Write(global::System.Text.Encoding.UTF8.GetString(buffer, offset, count));
    }
}

/// <summary>See <see cref="CliConsole.StartPacketProgress"/>; written on the caller's thread, so it never trails the output.</summary>
public sealed class PacketProgress(TextWriter error) : IProgress<long>
{
    private bool _shown;

    public void Report(long value)
    {
        error.Write(string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"\r{value:N0} packets…"));
        _shown = true;
    }

    /// <summary>Clears the progress line, if one is shown (before an error message, and at the end).</summary>
    public void Done()
    {
        if (!_shown) return;
        error.Write("\r\u001b[K");
        _shown = false;
    }
}
