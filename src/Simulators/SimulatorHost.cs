using System.Net;
using System.Text.Json;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Simulators;

/// <summary>
/// Every vendor simulator on one loopback listener (their routes do not overlap), plus <c>/_sim/requests</c>
/// (the journal, as JSON), <c>/_sim/pending?vendor=</c> (requests being answered now) and <c>/_sim/faults</c> (queue a
/// fault: <c>{"vendor","status","times","retryAfterSeconds","delayMilliseconds","body","pathPrefix"}</c>). Used by tests, <c>autorespond simulators</c>
/// and the fault test. Listens on 127.0.0.1 only.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, SimulatorContext context, Uri baseUri)
    {
        _app = app;
        Context = context;
        BaseUri = baseUri;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; }

    public SimulatorContext Context { get; }

    public RequestJournal Journal => Context.Journal;

    public FaultPlan Faults => Context.Faults;

    public SimulatorCredentials Credentials => Context.Credentials;

    /// <summary>Starts the simulators on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public static async Task<SimulatorHost> StartAsync(int port = 0, SimulatorCredentials? credentials = null,
        TimeProvider? time = null, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        var context = new SimulatorContext(new RequestJournal(), new FaultPlan(), credentials ?? new SimulatorCredentials(), time ?? TimeProvider.System);
        var vendors = VendorSimulators.All().ToDictionary(v => v.Vendor, StringComparer.Ordinal);
        builder.Services.AddSingleton(context);
        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<JournalMiddleware>(context, (IReadOnlyDictionary<string, IVendorSimulator>)vendors);
        foreach (var vendor in vendors.Values)
            vendor.Map(app, context);
        MapControl(app, context);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, context, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>The URL of one vendor's API root, for the config's <c>integrations</c>.</summary>
    public Uri UrlFor(string relative = "") => new(BaseUri, relative);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void MapControl(WebApplication app, SimulatorContext context)
    {
        var control = app.MapGroup("/_sim");
        control.MapGet("/requests", (string? vendor) =>
            Results.Json(vendor is null ? context.Journal.All() : context.Journal.For(vendor), ControlJson));
        control.MapGet("/pending", (string vendor) => Results.Json(new { vendor, in_flight = context.InFlight.GetValueOrDefault(vendor) }));
        control.MapDelete("/requests", () =>
        {
            context.Journal.Clear();
            return Results.NoContent();
        });
        control.MapDelete("/faults", () =>
        {
            context.Faults.Clear();
            return Results.NoContent();
        });
        control.MapPost("/faults", (FaultRequest request) =>
        {
            if (string.IsNullOrWhiteSpace(request.Vendor) || request.Status is < 100 or > 599 || request.Times is < 1 or > 10_000)
                return Results.Problem("vendor, status (100-599) and times (1-10000) are required", statusCode: 400);
            context.Faults.Inject(request.Vendor, new InjectedFault(request.Status,
                request.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
                request.DelayMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                request.Body, request.PathPrefix), request.Times ?? 1);
            return Results.NoContent();
        });
    }

    private static readonly JsonSerializerOptions ControlJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record FaultRequest(string Vendor, int Status, int? Times, double? RetryAfterSeconds, int? DelayMilliseconds, string? Body, string? PathPrefix);
}
