using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Scheduling;

/// <summary>Builds the report of a period (storage in production, a fixed model in tests).</summary>
public interface IReportSource
{
    Task<ReportModel> BuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
