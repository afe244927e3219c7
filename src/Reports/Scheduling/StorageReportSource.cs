using AutoRespond.Configuration;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Scheduling;

/// <summary>The production <see cref="IReportSource"/>: <see cref="ReportBuilder"/> over storage, with the configuration's windows.</summary>
public sealed class StorageReportSource(ReportBuilder builder, AutoRespondConfig config) : IReportSource
{
    public Task<ReportModel> BuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        builder.BuildAsync(from, to, config.Windows, null, "AutoRespond report", cancellationToken);
}
