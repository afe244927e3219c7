namespace AutoRespond.Reports.Scheduling;

/// <summary>
/// Sends a finished report by mail (Graph <c>POST /users/{from}/sendMail</c> with the files attached). Implementations
/// must not log or echo the mail body or tokens; failures throw and the scheduler records them without stopping.
/// </summary>
public interface IReportMailer
{
    Task SendAsync(ReportMail mail, CancellationToken cancellationToken);
}

/// <summary>A report mail: sender mailbox, recipients, subject, a short text body and the rendered files.</summary>
public sealed record ReportMail(string From, IReadOnlyList<string> To, string Subject, string Body, IReadOnlyList<ReportFile> Attachments);

/// <summary>One rendered report file.</summary>
public sealed record ReportFile(string Name, string MediaType, byte[] Content);
