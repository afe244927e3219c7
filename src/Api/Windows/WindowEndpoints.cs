using AutoRespond.Api.Actions;
using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Responders.Windows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Windows;

/// <summary>
/// <c>/api/v1/windows</c>: create, list, get, update, delete; occurrences in a range (the calendar); iCalendar
/// export and import (<c>/api/v1/windows.ics</c>); preview of a proposed or stored window over the last N days.
/// </summary>
internal static class WindowEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/windows").WithTags("windows");
        group.MapGet("", (WindowService s, CancellationToken ct) => Json(s.ListAsync(ct)))
            .RequireAuthorization(ApiRoles.ReadPolicy).WithName("list-windows").WithSummary("Stored windows and the config file's (read-only)")
            .Produces<IReadOnlyList<WindowView>>();
        group.MapPost("", CreateAsync).RequireAuthorization(ApiRoles.WindowsPolicy).WithName("create-window").WithSummary("Creates a window")
            .Accepts<WindowRequest>("application/json").Produces<WindowView>(201).ProducesValidationProblem();
        group.MapGet("/occurrences", OccurrencesAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("window-occurrences")
            .WithSummary("Occurrences of every window in [from, to) (at most 92 days)").Produces<IReadOnlyList<WindowOccurrenceView>>()
            .ProducesValidationProblem();
        group.MapPost("/preview", PreviewProposedAsync).RequireAuthorization(ApiRoles.WindowsPolicy).WithName("preview-window")
            .WithSummary("Which actions of the last `days` days (default 7) a proposed window would have changed; stores nothing")
            .Accepts<WindowRequest>("application/json").Produces<WindowPreviewResult>().ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("get-window").WithSummary("One window")
            .Produces<WindowView>().ProducesProblem(404);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(ApiRoles.WindowsPolicy).WithName("update-window").WithSummary("Replaces a window")
            .Accepts<WindowRequest>("application/json").Produces<WindowView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiRoles.WindowsPolicy).WithName("delete-window").WithSummary("Deletes a window")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{id}/preview", PreviewStoredAsync).RequireAuthorization(ApiRoles.ReadPolicy).WithName("preview-stored-window")
            .WithSummary("Which actions of the last `days` days (default 7) this window would have changed").Produces<WindowPreviewResult>()
            .ProducesProblem(404).ProducesValidationProblem();
        api.MapGet("/windows.ics", ExportAsync).WithTags("windows").RequireAuthorization(ApiRoles.ReadPolicy).WithName("export-windows-ics")
            .WithSummary("Every window as iCalendar (VEVENT + RRULE)").Produces<string>(200, "text/calendar");
        api.MapPost("/windows.ics", ImportAsync).WithTags("windows").RequireAuthorization(ApiRoles.WindowsPolicy).WithName("import-windows-ics")
            .WithSummary("Creates or updates (by UID) a window per VEVENT; all or nothing").Accepts<string>("text/calendar")
            .Produces<IcsImportResult>().ProducesValidationProblem();
    }

    private static async Task<IResult> Json<T>(Task<T> value) => Results.Json(await value, ApiJson.Output);

    private static async Task<IResult> CreateAsync(HttpContext context, WindowService windows, CancellationToken cancellationToken)
    {
        var (window, problem) = await ReadWindowAsync(context);
        if (problem is not null) return problem;
        var view = await windows.CreateAsync(window!, "api", null, context.User, cancellationToken);
        return Results.Json(view, ApiJson.Output, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, WindowService windows, CancellationToken cancellationToken) =>
        await windows.GetAsync(id, cancellationToken) is { } view ? Results.Json(view, ApiJson.Output) : ApiProblems.NotFound("window", id);

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, WindowService windows, CancellationToken cancellationToken)
    {
        if (id.StartsWith(WindowService.ConfigPrefix, StringComparison.Ordinal)) return ApiProblems.Conflict($"{id} is defined in the config file; edit the file");
        var (window, problem) = await ReadWindowAsync(context);
        if (problem is not null) return problem;
        return await windows.UpdateAsync(id, window!, context.User, cancellationToken) is { } view
            ? Results.Json(view, ApiJson.Output)
            : ApiProblems.NotFound("window", id);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, WindowService windows, CancellationToken cancellationToken)
    {
        if (id.StartsWith(WindowService.ConfigPrefix, StringComparison.Ordinal)) return ApiProblems.Conflict($"{id} is defined in the config file; edit the file");
        return await windows.DeleteAsync(id, context.User, cancellationToken) ? Results.NoContent() : ApiProblems.NotFound("window", id);
    }

    private static async Task<IResult> OccurrencesAsync(HttpContext context, WindowService windows, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = QueryValues.Time(context.Request.Query, "from", errors) ?? time.GetUtcNow().AddDays(-7);
        var to = QueryValues.Time(context.Request.Query, "to", errors) ?? from.AddDays(35);
        if (errors.Count == 0 && (to <= from || to - from > TimeSpan.FromDays(92))) errors["to"] = ["must be after from and at most 92 days later"];
        if (errors.Count > 0) return ApiProblems.Fields(errors);
        var list = new List<WindowOccurrenceView>();
        foreach (var (id, window) in await windows.ConfigsAsync(cancellationToken))
        {
            try
            {
                list.AddRange(WindowSchedule.For(window).Overlapping(from, to).Take(500)
                    .Select(o => new WindowOccurrenceView(id, window.Name, StoredWindows.EffectName(window.Effect), o.Start, o.End)));
            }
            catch (WindowScheduleException)
            {
                // a window the engine cannot evaluate has no occurrences
            }
        }
        return Results.Json(list.OrderBy(o => o.Start).ToList(), ApiJson.Output);
    }

    private static async Task<IResult> PreviewProposedAsync(HttpContext context, WindowPreview preview, CancellationToken cancellationToken)
    {
        if (Days(context) is not { } days) return ApiProblems.Field("days", $"is not a whole number from 1 to {WindowPreview.MaxDays}");
        var (window, problem) = await ReadWindowAsync(context);
        if (problem is not null) return problem;
        return Results.Json(await preview.RunAsync(window!, days, cancellationToken), ApiJson.Output);
    }

    private static async Task<IResult> PreviewStoredAsync(string id, HttpContext context, WindowService windows, WindowPreview preview,
        CancellationToken cancellationToken)
    {
        if (Days(context) is not { } days) return ApiProblems.Field("days", $"is not a whole number from 1 to {WindowPreview.MaxDays}");
        var match = (await windows.ConfigsAsync(cancellationToken)).FirstOrDefault(w => w.Id == id);
        return match.Window is null
            ? ApiProblems.NotFound("window", id)
            : Results.Json(await preview.RunAsync(match.Window, days, cancellationToken), ApiJson.Output);
    }

    private static async Task<IResult> ExportAsync(WindowService windows, TimeProvider time, CancellationToken cancellationToken) =>
        Results.Text(WindowCalendar.Write(await windows.ListAsync(cancellationToken), time.GetUtcNow()), "text/calendar; charset=utf-8");

    private static async Task<IResult> ImportAsync(HttpContext context, WindowService windows, CancellationToken cancellationToken)
    {
        var (text, problem) = await JsonBody.ReadTextAsync(context);
        if (problem is not null) return problem;
        var (events, field, error) = WindowCalendar.Read(text!);
        if (error is not null) return ApiProblems.Field(field!, error);
        var valid = new List<(string? Uid, Configuration.WindowConfig Window)>();
        for (int i = 0; i < events.Count; i++)
        {
            var (window, errors) = WindowValidator.Validate(events[i].Request);
            if (window is null) return ApiProblems.Fields(errors.ToDictionary(e => $"events[{i}].{e.Key}", e => e.Value));
            valid.Add((events[i].Uid, window));
        }
        var results = new List<WindowView>();
        int created = 0;
        foreach (var (uid, window) in valid)
        {
            if (uid is null)
            {
                results.Add(await windows.CreateAsync(window, "ics", null, context.User, cancellationToken));
                created++;
                continue;
            }
            var (view, isNew) = await windows.UpsertExternalAsync("ics:" + uid, window, "ics", context.User, cancellationToken);
            results.Add(view);
            if (isNew) created++;
        }
        return Results.Json(new IcsImportResult(created, results.Count - created, results), ApiJson.Output);
    }

    private static int? Days(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var days = QueryValues.Integer(context.Request.Query, "days", 1, WindowPreview.MaxDays, errors);
        return errors.Count > 0 ? null : days ?? 7;
    }

    internal static async Task<(Configuration.WindowConfig? Window, IResult? Problem)> ReadWindowAsync(HttpContext context)
    {
        var (request, problem) = await JsonBody.ReadAsync<WindowRequest>(context);
        if (problem is not null) return (null, problem);
        var (window, errors) = WindowValidator.Validate(request!);
        return window is null ? (null, ApiProblems.Fields(errors)) : (window, null);
    }
}
