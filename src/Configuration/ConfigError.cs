namespace AutoRespond.Configuration;

/// <summary>
/// One configuration problem. <see cref="Line"/> and <see cref="Column"/> are 1-based; both are 0 when the
/// problem concerns the whole file (for example, it cannot be read).
/// </summary>
public sealed record ConfigError(string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: message</c>, the format of compilers and <c>config validate</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
