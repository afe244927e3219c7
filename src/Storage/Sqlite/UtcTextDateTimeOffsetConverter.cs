using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AutoRespond.Storage;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as fixed-width UTC text (<c>2026-12-05T22:00:00.0000000Z</c>), so that
/// string order in SQL is time order whatever offset the value came with. Reads back with offset zero.
/// </summary>
internal sealed class UtcTextDateTimeOffsetConverter : ValueConverter<DateTimeOffset, string>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    public UtcTextDateTimeOffsetConverter()
        : base(v => ToText(v), s => FromText(s))
    {
    }

    internal static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    internal static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(
            text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
