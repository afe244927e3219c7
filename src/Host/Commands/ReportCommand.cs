using System.CommandLine;
using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Host.Cli;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Rendering;
using AutoRespond.Sensor.Capture;
using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Commands;

/// <summary>
/// <c>autorespond report [--from T1] [--to T2] [--format html|pdf|md]... [--out FILE] [--config F] [--replay CAPTURE...]</c>:
/// the report of a period from the storage the config names, or from captures replayed into a temporary database.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string?>("--from") { Description = "Start of the period (ISO-8601 with an offset or Z, or a date = 00:00 UTC). Default: 7 days before --to, or the first packet with --replay.", HelpName = "T1" };
        var to = new Option<string?>("--to") { Description = "End of the period (exclusive). Default: now, or just after the last packet with --replay.", HelpName = "T2" };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "html (one page, inline SVG charts), pdf or md; repeat or comma-separate for several (each file then takes its extension). Default: html.",
            HelpName = "html|pdf|md",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The report file (default: stdout).", HelpName = "FILE" };
        var config = CommonOptions.Config();
        var replay = new Option<FileInfo[]>("--replay")
        {
            Description = "Replay these captures first (with --config's network, response and windows) into a temporary SQLite database and report on it.",
            HelpName = "CAPTURE",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("report",
            "A report for people who read reports more than consoles: what happened (incidents with their narratives, top "
            + "anomalous devices), what AutoRespond did, what it would have done (dry-run), what windows suppressed, what is "
            + "held for a decision and what failed, the change windows used, AI usage, and charts of incidents over time and "
            + "actions by kind, drawn here with no internet access. Reads the storage of --config (its storage: section), or "
            + "replays --replay captures into a temporary database. Exit 0 on success, 2 on a usage or configuration error, "
            + "3 when a capture cannot be read, 1 when the storage cannot be read.")
        {
            from, to, format, output, config, replay,
        };
        command.SetAction((parse, ct) => RunAsync(new Request(parse.GetValue(from), parse.GetValue(to), parse.GetValue(format) ?? [],
            parse.GetValue(output), parse.GetValue(config), parse.GetValue(replay) ?? []), console, ct));
        return command;
    }

    private sealed record Request(string? From, string? To, string[] Formats, FileInfo? Out, FileInfo? Config, FileInfo[] Replay);

    private static async Task<int> RunAsync(Request request, CliConsole console, CancellationToken ct)
    {
        if (ParseFormats(request.Formats, console) is not { } formats) return ExitCodes.Usage;
        if (formats.Count > 1 && request.Out is null) return Usage(console, "several formats need --out FILE (each file takes its extension)");
        DateTimeOffset? from = null, to = null;
        if (request.From is { } f && (from = ParseTime(f)) is null) return Usage(console, $"--from: '{f}' is not an ISO-8601 time with an offset or Z, or a date");
        if (request.To is { } t && (to = ParseTime(t)) is null) return Usage(console, $"--to: '{t}' is not an ISO-8601 time with an offset or Z, or a date");
        if (CommonOptions.LoadConfig(request.Config, console) is not { } config) return ExitCodes.Usage;
        if (request.Replay.Length == 0 && !config.Storage.IsExplicit)
            return Usage(console, "no storage to report on: give --config with a storage: section, or --replay CAPTURE...");

        string? temporary = null;
        try
        {
            Brain.Ai.AiUsageReport? ai = null;
            if (request.Replay.Length > 0)
            {
                temporary = Directory.CreateTempSubdirectory("autorespond-report-").FullName;
                config = config with { Storage = new StorageConfig(Configuration.StorageProvider.Sqlite, Path.Combine(temporary, "report.db"), null) { IsExplicit = true } };
            }
            await using var storage = await Replay.ReplayPipeline.OpenStorageAsync(config, ct) ?? throw new InvalidOperationException("no storage");
            if (request.Replay.Length > 0)
            {
                var replayed = await ReportReplay.RunAsync(config, request.Replay, storage, ct);
                ai = replayed.Ai;
                from ??= replayed.First;
                to ??= replayed.Last?.AddSeconds(1);
            }
            to ??= TimeProvider.System.GetUtcNow();
            from ??= to.Value.AddDays(-7);
            if (to <= from) return Usage(console, "--to must be after --from");
            var builder = new ReportBuilder(storage.GetRequiredService<IIncidentStore>(),
                storage.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>(), storage.GetRequiredService<IBaselineStore>(), TimeProvider.System);
            var model = await builder.BuildAsync(from.Value, to.Value, config.Windows, ai, "AutoRespond report", ct);
            foreach (var format in formats)
            {
                byte[] bytes = ReportRenderer.Render(model, format);
                if (request.Out is null)
                {
                    using var stdout = console.OpenOutputStream();
                    await stdout.WriteAsync(bytes, ct);
                    continue;
                }
                string path = formats.Count > 1 ? Path.ChangeExtension(request.Out.FullName, ReportRenderer.Extension(format)) : request.Out.FullName;
                await File.WriteAllBytesAsync(path, bytes, ct);
                console.Error.WriteLine($"report written to {path}");
            }
            return ExitCodes.Ok;
        }
        catch (CaptureException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UnreadableCapture;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException or InvalidOperationException
            or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            console.Fail($"cannot make the report: {e.GetBaseException().Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            if (temporary is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(temporary, recursive: true);
                }
                catch (IOException)
                {
                    // best effort: a temporary folder left behind is harmless
                }
            }
        }
    }

    private static List<ReportFormat>? ParseFormats(string[] values, CliConsole console)
    {
        var formats = new List<ReportFormat>();
        foreach (string value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            ReportFormat? format = value.ToLowerInvariant() switch { "html" => ReportFormat.Html, "pdf" => ReportFormat.Pdf, "md" => ReportFormat.Markdown, _ => null };
            if (format is null)
            {
                Usage(console, $"--format: '{value}' is not one of html, pdf, md");
                return null;
            }
            if (!formats.Contains(format.Value)) formats.Add(format.Value);
        }
        return formats.Count == 0 ? [ReportFormat.Html] : formats;
    }

    internal static DateTimeOffset? ParseTime(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        bool hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Fail(message);
        console.Error.WriteLine("Run 'autorespond report --help' for usage.");
        return ExitCodes.Usage;
    }
}
