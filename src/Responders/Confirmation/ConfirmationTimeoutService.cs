using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Confirmation;

/// <summary>Applies the approval-timeout fail-safe on <see cref="TimeProvider"/> ticks (<see cref="ConfirmationService.CheckTimeoutsAsync"/>).</summary>
public sealed partial class ConfirmationTimeoutService(ConfirmationService confirmations, TimeProvider time,
    ConfirmationOptions options, ILogger<ConfirmationTimeoutService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await confirmations.CheckTimeoutsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 3211, Level = LogLevel.Error, Message = "Approval timeout check failed; retrying on the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
