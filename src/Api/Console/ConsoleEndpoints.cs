using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Console;

/// <summary>
/// The web console: static files embedded in this assembly (no CDN, no build server), served at <c>/console/</c>.
/// The page asks for an API key and calls the API with it; the files themselves need no key.
/// </summary>
internal static class ConsoleEndpoints
{
    private static readonly Assembly Assembly = typeof(ConsoleEndpoints).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/console/")).AllowAnonymous().ExcludeFromDescription();
        // Routing ignores a trailing slash: "/console/" lands here too and gets the page, "/console" is sent to it.
        app.MapGet("/console", (HttpContext context) => context.Request.Path.Value!.EndsWith('/') ? Serve(null) : Results.Redirect("/console/"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/console/{**path}", (string? path) => Serve(path)).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Only this origin's scripts, styles and API; no framing, no plugins (the page handles API keys).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static IResult Serve(string? path)
    {
        var result = Find(path);
        return result is null ? Results.NotFound() : new ConsoleFile(result.Value.Stream, result.Value.Type);
    }

    private static (Stream Stream, string Type)? Find(string? path)
    {
        string name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (name.Contains("..", StringComparison.Ordinal) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type)) return null;
        return Assembly.GetManifestResourceStream("console/" + name) is { } stream ? (stream, type) : null;
    }

    /// <summary>An embedded file with the console's security headers.</summary>
    private sealed class ConsoleFile(Stream stream, string type) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await Results.Stream(stream, type).ExecuteAsync(context);
        }
    }
}
