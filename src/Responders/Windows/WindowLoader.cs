using AutoRespond.Storage;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Windows;

/// <summary>
/// Feeds the stored windows (<see cref="IWindowStore"/>) into the engine's <see cref="ChangeWindowEvaluator"/>,
/// next to the config file's: at start-up and on every <c>WindowChanged</c> (<see cref="WindowChangedConsumer"/>).
/// A stored window that cannot be evaluated is skipped and logged; the others stay in force.
/// </summary>
public sealed partial class WindowLoader(IWindowStore store, ChangeWindowEvaluator evaluator, ILogger<WindowLoader> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Reloads every stored window; returns how many are in force.</summary>
    public async Task<int> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var schedules = new List<WindowSchedule>();
            foreach (var window in await store.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    schedules.Add(WindowSchedule.For(StoredWindows.ToConfig(window)));
                }
                catch (Exception e) when (e is FormatException or WindowScheduleException)
                {
                    LogSkipped(logger, window.Id, e.Message);
                }
            }
            evaluator.ReplaceStored(schedules);
            LogReloaded(logger, schedules.Count);
            return schedules.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Change windows reloaded: {Count} stored window(s) in force")]
    private static partial void LogReloaded(ILogger logger, int count);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Stored window '{WindowId}' skipped: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string windowId, string problem);
}
