using Microsoft.AspNetCore.Http;

namespace AutoRespond.Simulators.Common;

/// <summary>
/// Runs after routing: records every request to a vendor route in the journal (with the status answered, as the response
/// starts) and, when the fault plan has one queued, answers the injected fault instead of the vendor's normal response.
/// </summary>
internal sealed class JournalMiddleware(RequestDelegate next, SimulatorContext context, IReadOnlyDictionary<string, IVendorSimulator> vendors)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var tag = http.GetEndpoint()?.Metadata.GetMetadata<VendorTag>();
        if (tag is null)
        {
            await next(http);
            return;
        }
        http.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(http.Request.Body, leaveOpen: true))
            body = await reader.ReadToEndAsync(http.RequestAborted);
        http.Request.Body.Position = 0;
        long sequence = context.Journal.NextSequence();
        var time = context.Time.GetUtcNow();

        // Recorded when the response starts, before the client can see it: a test that reads the journal right after
        // its call returns finds the call there. A response that never starts (the client gave up) is recorded at the end.
        bool recorded = false;
        void Record()
        {
            if (recorded) return;
            recorded = true;
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            context.Journal.Add(new RecordedRequest(sequence, tag.Vendor, http.Request.Method, http.Request.Path.Value ?? "",
                http.Request.QueryString.Value ?? "", headers, body, http.Response.StatusCode, time));
        }
        http.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });

        var fault = context.Faults.Take(tag.Vendor, http.Request.Path.Value ?? "");
        context.InFlight.AddOrUpdate(tag.Vendor, 1, (_, n) => n + 1);
        try
        {
            if (fault is not null)
                await AnswerFaultAsync(http, fault, vendors[tag.Vendor]);
            else
                await next(http);
        }
        finally
        {
            context.InFlight.AddOrUpdate(tag.Vendor, 0, (_, n) => n - 1);
        }

        Record();
    }

    private static async Task AnswerFaultAsync(HttpContext http, InjectedFault fault, IVendorSimulator vendor)
    {
        if (fault.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up: that is the point of a delay fault
            }
        }
        http.Response.StatusCode = fault.Status;
        if (fault.RetryAfter is { } after)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = fault.Body ?? vendor.ErrorBody(fault.Status);
        if (body.Length > 0)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body, http.RequestAborted);
        }
    }
}
