namespace AutoRespond.Executors.Common;

/// <summary>A target answered, but with something the executor cannot use (malformed XML, an error status in the body).</summary>
public sealed class TargetAnswerException(string message, Exception? inner = null) : Exception(message, inner);
