namespace AutoRespond.Configuration;

/// <summary>The <c>learning:</c> section.</summary>
/// <param name="Period">Event time after the first packet during which models only learn (default 24h).</param>
public sealed record LearningConfig(TimeSpan Period)
{
    /// <summary>A 24-hour learning period.</summary>
    public static LearningConfig Default { get; } = new(TimeSpan.FromHours(24));
}
