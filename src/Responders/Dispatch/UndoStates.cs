using System.Text.Json;

namespace AutoRespond.Responders.Dispatch;

/// <summary>
/// The undo state of an action applied by several executors of its kind, as one string: a JSON object of executor
/// name → that executor's own undo state (<c>{"graph":"…"}</c>); null when no executor left one.
/// </summary>
public static class UndoStates
{
    public static string? Combine(IEnumerable<(string Executor, string? State)> states)
    {
        var byExecutor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (executor, state) in states)
        {
            if (state is not null)
                byExecutor[executor] = state;
        }
        return byExecutor.Count == 0 ? null : JsonSerializer.Serialize(byExecutor);
    }

    /// <summary>The undo state <paramref name="executor"/> left, or null (none, or not a combined state).</summary>
    public static string? Of(string? combined, string executor)
    {
        if (string.IsNullOrEmpty(combined))
            return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(combined)?.GetValueOrDefault(executor);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
