using System.Text.Json;
using AutoRespond.Brain.Ai;
using AutoRespond.Storage;

namespace AutoRespond.Reports.Building;

/// <summary>
/// Keeps the AI-usage inventory between runs in the baseline store (partition <see cref="Partition"/>, one JSON
/// document), so scheduled reports read what the service saw.
/// </summary>
public static class AiUsageStore
{
    public const string Partition = "ai-usage";

    public static Task SaveAsync(IBaselineStore store, AiUsageReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(report);
        return store.SaveAsync(Partition, JsonSerializer.Serialize(report, AiUsageInventory.JsonOptions),
            report.To ?? DateTimeOffset.UnixEpoch, cancellationToken);
    }

    /// <summary>The saved inventory, or null when none was saved (or it cannot be read: reports go on without it).</summary>
    public static async Task<AiUsageReport?> LoadAsync(IBaselineStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.LoadAsync(Partition, cancellationToken).ConfigureAwait(false) is not { } stored) return null;
        try
        {
            return JsonSerializer.Deserialize<AiUsageReport>(stored.Json, AiUsageInventory.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
