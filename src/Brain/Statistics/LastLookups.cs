namespace AutoRespond.Brain.Statistics;

/// <summary>The answers for the last two keys looked up, matched by reference (a struct, so it lives inside its owner).</summary>
internal struct LastLookups<T>
{
    private string? _key0, _key1;
    private T _value0, _value1;
    private bool _nextIsOne;

    public readonly bool TryGet(string key, out T value)
    {
        if (ReferenceEquals(key, _key0))
        {
            value = _value0;
            return true;
        }
        if (ReferenceEquals(key, _key1))
        {
            value = _value1;
            return true;
        }
        value = default!;
        return false;
    }

    public void Remember(string key, T value)
    {
        if (_nextIsOne) (_key1, _value1) = (key, value);
        else (_key0, _value0) = (key, value);
        _nextIsOne = !_nextIsOne;
    }
}
