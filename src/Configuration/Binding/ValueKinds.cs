using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AutoRespond.Contracts;

namespace AutoRespond.Configuration.Binding;

/// <summary>The scalar value kinds of the configuration file, with their parsers.</summary>
internal static partial class ValueKinds
{
    public static ValueKind<TimeSpan> Duration { get; } = new("a duration like 30s, 15m, 24h or 7d", TryParseDuration);

    public static ValueKind<DateTimeOffset> Time { get; } =
        new("an ISO-8601 time with an offset or Z, such as 2026-12-05T22:00:00Z", TryParseTime);

    public static ValueKind<double> Score { get; } = new("a number between 0 and 1", TryParseScore);

    public static ValueKind<string> Text { get; } = new("a non-empty string", TryParseText);

    public static ValueKind<string> EnvName { get; } =
        new("an environment variable name such as MY_TOKEN (the name of the variable, not the secret)", TryParseEnvName);

    public static ValueKind<string> Identifier { get; } =
        new("a name of letters, digits, '_', '-' or '.' (at most 64)", TryParseIdentifier);

    public static ValueKind<string> UserPrincipal { get; } = new("a user principal name such as alice@contoso.com", TryParseUpn);

    public static ValueKind<string> ActionKind { get; } =
        new("an action kind (one of " + string.Join(", ", ActionKinds.All) + ")", TryParseActionKind);

    public static ValueKind<string> TimeZone { get; } = new("an IANA time zone id such as Europe/London", TryParseTimeZone);

    public static ValueKind<IPNetwork> Network { get; } =
        new("a CIDR like 10.0.0.0/8 or an IP address", AddressParser.TryParseNetwork);

    public static ValueKind<IPAddress> Address { get; } =
        new("an IP address such as 10.10.0.66", AddressParser.TryParseAddress);

    public static ValueKind<Uri> HttpUrl { get; } = new("an absolute http:// or https:// URL", TryParseHttpUrl);

    public static ValueKind<Uri> AmqpUri { get; } =
        new("an amqp:// or amqps:// URI such as amqp://user:pass@host:5672/vhost", TryParseAmqpUri);

    public static ValueKind<Uri> ListenUrl { get; } =
        new("an http:// or https:// address such as http://127.0.0.1:5080", TryParseListenUrl);

    public static ValueKind<string> Rrule { get; } = new("an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SU", RruleSyntax.TryParse);

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ValueKind<int> Integer(int min, int max) =>
        new(max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}",
            (string text, out int value, out string? error) =>
            {
                error = null;
                return IntegerPattern().IsMatch(text)
                    && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
                    && value >= min && value <= max
                    || Fail(out value);
            });

    /// <summary>One of a fixed set of lower-case names (matched case-insensitively).</summary>
    public static ValueKind<T> OneOf<T>(params (string Name, T Value)[] choices)
        where T : struct =>
        new("one of " + string.Join(", ", choices.Select(c => c.Name)),
            (string text, out T value, out string? error) =>
            {
                error = null;
                foreach (var (name, choice) in choices)
                {
                    if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                    {
                        value = choice;
                        return true;
                    }
                }

                value = default;
                return false;
            });

    [GeneratedRegex(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^([0-9]{1,9})([smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    private static bool Fail<T>([MaybeNullWhen(false)] out T value)
    {
        value = default;
        return false;
    }

    private static bool TryParseDuration(string text, out TimeSpan value, out string? error)
    {
        error = null;
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return Fail(out value);
        }

        var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unitSeconds = match.Groups[2].Value switch { "s" => 1L, "m" => 60L, "h" => 3600L, _ => 86400L };
        var seconds = amount * unitSeconds; // at most 999,999,999 days: fits a long
        if (seconds > (long)TimeSpan.MaxValue.TotalSeconds)
        {
            error = $"duration '{text}' is too long";
            return Fail(out value);
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryParseTime(string text, out DateTimeOffset value, out string? error)
    {
        error = null;
        if (!TimePattern().IsMatch(text))
        {
            return Fail(out value);
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            error = $"'{text}' is not a valid date and time";
            return false;
        }

        return true;
    }

    private static bool TryParseScore(string text, out double value, out string? error)
    {
        error = null;
        return DecimalPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && value is >= 0 and <= 1
            || Fail(out value);
    }

    private static bool TryParseText(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text;
        return !string.IsNullOrWhiteSpace(text);
    }

    private static bool TryParseEnvName(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text;
        return EnvNamePattern().IsMatch(text);
    }

    private static bool TryParseIdentifier(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text;
        return IdentifierPattern().IsMatch(text);
    }

    private static bool TryParseUpn(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text;
        return text.Length > 0 && !text.Any(char.IsWhiteSpace);
    }

    private static bool TryParseActionKind(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text;
        return ActionKinds.All.Contains(text, StringComparer.Ordinal);
    }

    private static bool TryParseTimeZone(string text, [MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = null;
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) || !zone.HasIanaId)
        {
            return false;
        }

        value = zone.Id; // canonical spelling
        return true;
    }

    private static bool TryParseHttpUrl(string text, [MaybeNullWhen(false)] out Uri value, out string? error) =>
        TryParseUri(text, ["http", "https"], allowCredentials: false, out value, out error);

    private static bool TryParseAmqpUri(string text, [MaybeNullWhen(false)] out Uri value, out string? error) =>
        TryParseUri(text, ["amqp", "amqps"], allowCredentials: true, out value, out error);

    private static bool TryParseUri(
        string text, string[] schemes, bool allowCredentials, [MaybeNullWhen(false)] out Uri value, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out value)
            || !schemes.Contains(value.Scheme, StringComparer.Ordinal)
            || string.IsNullOrEmpty(value.Host))
        {
            return Fail(out value);
        }

        if (!allowCredentials && value.UserInfo.Length > 0)
        {
            error = "a URL here must not contain credentials (user:password@); put them in the *_env variables";
            return Fail(out value);
        }

        return true;
    }

    private static bool TryParseListenUrl(string text, [MaybeNullWhen(false)] out Uri value, out string? error)
    {
        if (!TryParseHttpUrl(text, out value, out error))
        {
            if (error is null && (text.Contains("://*", StringComparison.Ordinal) || text.Contains("://+", StringComparison.Ordinal)))
            {
                error = $"'{text}' uses a wildcard host; write 0.0.0.0 or [::] to listen on every interface";
            }

            return false;
        }

        if (value.AbsolutePath != "/" || value.Query.Length > 0 || value.Fragment.Length > 0)
        {
            error = $"'{text}' must be a scheme, host and port only, such as http://127.0.0.1:5080";
            return Fail(out value);
        }

        return true;
    }
}
