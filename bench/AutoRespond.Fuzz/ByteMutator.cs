namespace AutoRespond.Fuzz;

/// <summary>
/// Format-blind byte mutations, deterministic for the <see cref="Random"/> it is given: bit flips, bytes set to
/// boundary values (0x00, 0xFF, 0x7F, 0x80), random bytes in the header area, truncation, garbage appended, a region
/// deleted or duplicated, and splicing with another input. Every method returns a new array and the mutation's name.
/// </summary>
public sealed class ByteMutator(Random random)
{
    /// <summary>The boundary values a byte is set to.</summary>
    public static ReadOnlySpan<byte> Boundaries => [0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE];

    private readonly Random _random = random;

    /// <summary>Applies one randomly chosen mutation; <paramref name="other"/> is the splice partner.</summary>
    public (byte[] Data, string Mutation) Mutate(ReadOnlySpan<byte> input, ReadOnlySpan<byte> other)
    {
        if (input.IsEmpty)
        {
            return ([(byte)_random.Next(256)], "bytes.grow-empty");
        }

        return _random.Next(9) switch
        {
            0 => (FlipBits(input, _random.Next(1, 9)), "bytes.bit-flip"),
            1 => (SetBoundary(input), "bytes.boundary"),
            2 => (RandomHeaderBytes(input, 64), "bytes.header-random"),
            3 => (Truncate(input), "bytes.truncate"),
            4 => (Append(input, _random.Next(1, 300)), "bytes.append-garbage"),
            5 => (DeleteRegion(input), "bytes.delete-region"),
            6 => (DuplicateRegion(input), "bytes.duplicate-region"),
            7 => (Splice(input, other), "bytes.splice"),
            _ => (FlipBits(input, 1), "bytes.single-bit-flip"),
        };
    }

    public byte[] FlipBits(ReadOnlySpan<byte> input, int count)
    {
        byte[] b = input.ToArray();
        for (int i = 0; i < count && b.Length > 0; i++)
        {
            b[_random.Next(b.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return b;
    }

    public byte[] SetBoundary(ReadOnlySpan<byte> input)
    {
        byte[] b = input.ToArray();
        for (int i = _random.Next(1, 4); i > 0 && b.Length > 0; i--)
        {
            b[_random.Next(b.Length)] = Boundaries[_random.Next(Boundaries.Length)];
        }

        return b;
    }

    /// <summary>Random bytes among the first <paramref name="window"/> (where headers and length fields are).</summary>
    public byte[] RandomHeaderBytes(ReadOnlySpan<byte> input, int window)
    {
        byte[] b = input.ToArray();
        for (int i = _random.Next(1, 5); i > 0 && b.Length > 0; i--)
        {
            b[_random.Next(Math.Min(window, b.Length))] = (byte)_random.Next(256);
        }

        return b;
    }

    public byte[] Truncate(ReadOnlySpan<byte> input) => input[.._random.Next(input.Length)].ToArray();

    public byte[] Append(ReadOnlySpan<byte> input, int count)
    {
        byte[] b = new byte[input.Length + count];
        input.CopyTo(b);
        _random.NextBytes(b.AsSpan(input.Length));
        return b;
    }

    public byte[] DeleteRegion(ReadOnlySpan<byte> input)
    {
        int start = _random.Next(input.Length);
        int length = _random.Next(1, Math.Min(64, input.Length - start) + 1);
        return [.. input[..start], .. input[(start + length)..]];
    }

    public byte[] DuplicateRegion(ReadOnlySpan<byte> input)
    {
        int start = _random.Next(input.Length);
        int length = _random.Next(1, Math.Min(256, input.Length - start) + 1);
        return [.. input[..(start + length)], .. input.Slice(start, length), .. input[(start + length)..]];
    }

    /// <summary>The head of <paramref name="input"/> followed by the tail of <paramref name="other"/>.</summary>
    public byte[] Splice(ReadOnlySpan<byte> input, ReadOnlySpan<byte> other)
    {
        int cut = _random.Next(input.Length + 1);
        int from = other.IsEmpty ? 0 : _random.Next(other.Length);
        return [.. input[..cut], .. other[from..]];
    }
}
