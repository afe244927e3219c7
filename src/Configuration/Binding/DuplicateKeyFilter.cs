using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AutoRespond.Configuration.Binding;

/// <summary>
/// Wraps the YAML parser so that a duplicate mapping key is reported (at the second occurrence) and dropped,
/// with its value, instead of aborting the load as <c>YamlMappingNode</c> does. Loading then goes on, so
/// the other errors of the file are found in the same pass. The first occurrence wins.
/// It also remembers where the last good event ended, to place errors the parser reports without a position.
/// </summary>
internal sealed class DuplicateKeyFilter(IParser inner, BindContext context) : IParser
{
    private readonly Stack<Frame> _frames = new();

    public ParsingEvent? Current => inner.Current;

    /// <summary>The end of the last event read, for errors thrown without a position.</summary>
    public Mark LastMark { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        while (Read())
        {
            var current = inner.Current!;
            if (_frames.TryPeek(out var frame) && frame.Keys is { } keys && frame.ExpectingKey
                && current is Scalar key && !keys.Add(key.Value))
            {
                context.Error(key.Start, $"duplicate key '{key.Value}'; it was already given in this mapping");
                SkipNode(); // the value of the duplicate key; the frame still expects a key
                continue;
            }

            Track(current);
            return true;
        }

        return false;
    }

    private bool Read()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        LastMark = inner.Current!.End;
        return true;
    }

    private void Track(ParsingEvent current)
    {
        switch (current)
        {
            case MappingStart:
                CompleteSlot();
                _frames.Push(new Frame(new HashSet<string>(StringComparer.Ordinal)));
                break;
            case SequenceStart:
                CompleteSlot();
                _frames.Push(new Frame(null));
                break;
            case MappingEnd or SequenceEnd:
                _frames.Pop();
                break;
            case Scalar or AnchorAlias:
                CompleteSlot();
                break;
        }
    }

    /// <summary>A node started in the current mapping: a key is followed by a value and a value by a key.</summary>
    private void CompleteSlot()
    {
        if (_frames.TryPeek(out var frame) && frame.Keys is not null)
        {
            frame.ExpectingKey = !frame.ExpectingKey;
        }
    }

    private void SkipNode()
    {
        var depth = 0;
        while (Read())
        {
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }

            if (depth == 0)
            {
                return;
            }
        }
    }

    private sealed class Frame(HashSet<string>? keys)
    {
        public HashSet<string>? Keys { get; } = keys;

        public bool ExpectingKey { get; set; } = true;
    }
}
