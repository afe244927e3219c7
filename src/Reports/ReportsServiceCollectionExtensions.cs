using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using AutoRespond.Storage;

namespace AutoRespond.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the AI-usage inventory (singleton; feed it every sensor event, map <c>GET /api/v1/ai-usage</c> to its
    /// <c>Snapshot()</c>), its periodic save to the baseline store, the <see cref="ReportBuilder"/>, and — when
    /// <c>reports.schedule</c> is daily or weekly — the <see cref="ReportScheduler"/> (folder relative to the config file;
    /// mail only when an <see cref="IReportMailer"/> is registered). Needs the storage registration
    /// (<c>AddAutoRespondStorage</c>).
    /// </summary>
    public static IServiceCollection AddAutoRespondReports(this IServiceCollection services, AutoRespondConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => AiUsageInventory.For(config));
        services.AddHostedService<AiUsagePersistenceService>();
        services.TryAddSingleton(sp => new ReportBuilder(sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>(), sp.GetRequiredService<IBaselineStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IReportSource>(sp => new StorageReportSource(sp.GetRequiredService<ReportBuilder>(), config));
        if (config.Reports.Schedule != ReportSchedule.None)
        {
            string? folder = config.Reports.Folder is { } f
                ? Path.IsPathRooted(f) || config.SourcePath is null ? Path.GetFullPath(f) : Path.Combine(Path.GetDirectoryName(config.SourcePath)!, f)
                : null;
            services.AddHostedService(sp => new ReportScheduler(config.Reports, folder, sp.GetRequiredService<IReportSource>(),
                sp.GetService<IReportMailer>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReportScheduler>>()));
        }
        return services;
    }
}
