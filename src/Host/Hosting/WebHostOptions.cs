using AutoRespond.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Hosting;

/// <summary>How <see cref="AutoRespondWebHost"/> builds a host beyond the config file.</summary>
public sealed record WebHostOptions
{
    /// <summary>Captures fed through the pipeline on packet time (<c>run --replay</c>) before it goes on serving.</summary>
    public IReadOnlyList<string> Replay { get; init; } = [];

    /// <summary>Interfaces captured live (<c>run --interface NAME</c>) after the captures, on the wall clock, until the host stops.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>Overrides <c>api.listen</c> (tests: <c>http://127.0.0.1:0</c>).</summary>
    public Uri? Listen { get; init; }

    /// <summary>Where API key variables are read; the default value is the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The executor seam: registers <c>IActionExecutor</c>s (the integrations) for the response engine's in-process
    /// dispatcher. <c>run</c> passes the executors' own registration here (<c>AddExecutors(config.Integrations)</c>); tests pass fakes.
    /// Every executor is wrapped in a <c>WallClockExecutor</c> by the host.
    /// </summary>
    public Action<IServiceCollection, AutoRespondConfig>? AddExecutors { get; init; }

    /// <summary>The bus endpoint prefix; the default value is <c>autorespond</c> for <c>run</c> and <c>autorespond-api</c> for <c>api</c>.</summary>
    public string? EndpointPrefix { get; init; }
}
