using System.Diagnostics.CodeAnalysis;

namespace AutoRespond.Configuration.Binding;

/// <summary>Parses the text of a scalar. On failure, <paramref name="error"/> may give a specific reason.</summary>
internal delegate bool TryParseValue<T>(string text, [MaybeNullWhen(false)] out T value, out string? error);

/// <summary>
/// A kind of scalar value: what to call it in messages (<c>expected {Expected}, got ...</c>) and how to parse it.
/// </summary>
internal sealed record ValueKind<T>(string Expected, TryParseValue<T> TryParse);
