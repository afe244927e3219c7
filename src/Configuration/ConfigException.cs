namespace AutoRespond.Configuration;

/// <summary>Thrown by <see cref="ConfigLoader"/> with every problem found in the file, in file order.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception; <paramref name="errors"/> must not be empty.</summary>
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A configuration exception needs at least one error.", nameof(errors));
        }

        var header = errors.Count == 1 ? "Invalid configuration:" : $"Invalid configuration ({errors.Count} errors):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
