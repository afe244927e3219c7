using System.Globalization;
using System.Text;
using AutoRespond.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Api.Metrics;

/// <summary><c>GET /metrics</c>: Prometheus text exposition (no key needed): request counters and storage gauges.</summary>
internal static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", WriteAsync).AllowAnonymous().WithTags("health").WithName("metrics")
            .WithSummary("Prometheus metrics (text exposition format)").Produces<string>(200, "text/plain");

    private static async Task<IResult> WriteAsync(ApiMetricsRegistry registry, IDbContextFactory<AutoRespondDbContext> contexts,
        CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        registry.WriteCounters(text);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incidents = await db.Incidents.GroupBy(i => i.State).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Gauge(text, "autorespond_incidents", "Stored incidents by handling state.", "state",
            incidents.Select(i => (i.Key, (long)i.Count)));
        var actions = await db.Actions.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Gauge(text, "autorespond_actions", "Actions in the ledger by current state.", "state",
            actions.Select(a => (a.Key, (long)a.Count)));
        long windows = await db.Set<Storage.Entities.WindowEntity>().LongCountAsync(cancellationToken);
        text.Append("# HELP autorespond_windows_stored Change windows stored through the API.\n# TYPE autorespond_windows_stored gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"autorespond_windows_stored {windows}\n");
        return Results.Text(text.ToString(), ContentType, Encoding.UTF8);
    }

    private static void Gauge(StringBuilder text, string name, string help, string label, IEnumerable<(string Value, long Count)> rows)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
        foreach (var (value, count) in rows.OrderBy(r => r.Value, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{ApiMetricsRegistry.Escape(value)}\"}} {count}\n");
    }
}
