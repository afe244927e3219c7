using System.Text.Json;

namespace AutoRespond.Storage;

/// <summary>One JSON shape for every JSON column, whatever the provider.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
