namespace AutoRespond.Sensor.Dissectors.Tls;

/// <summary>
/// Walks the extension block of a ClientHello or ServerHello: a u16 length, then {type u16, length u16, data}
/// entries. A hello that ends before the block (SSLv3-era) has no extensions; a block that does not parse marks
/// the reader <see cref="Malformed"/>.
/// </summary>
internal ref struct TlsExtensionReader
{
    private SpanReader _block;

    public bool Malformed { get; private set; }

    /// <summary>Opens the block at the reader's position; false when its length does not fit the hello.</summary>
    public static bool TryOpen(ref SpanReader hello, out TlsExtensionReader extensions)
    {
        extensions = default;
        if (hello.Remaining == 0)
        {
            extensions._block = new SpanReader(default);
            return true;
        }

        if (!hello.U16(out int length) || !hello.Bytes(length, out ReadOnlySpan<byte> block))
        {
            return false;
        }

        extensions._block = new SpanReader(block);
        return true;
    }

    public bool TryNext(out int type, out ReadOnlySpan<byte> data)
    {
        data = default;
        type = 0;
        if (_block.Remaining == 0)
        {
            return false;
        }

        if (!_block.U16(out type) || !_block.U16(out int length) || !_block.Bytes(length, out data))
        {
            Malformed = true;
            return false;
        }

        return true;
    }
}
