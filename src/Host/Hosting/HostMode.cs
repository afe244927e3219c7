using AutoRespond.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Hosting;

/// <summary>Which roles a web host runs: the API alone (<c>api</c>), or API and pipeline (<c>run</c>).</summary>
public enum HostMode
{
    /// <summary><c>autorespond api</c>: the API and console over the shared storage; devices from the newest brain snapshot.</summary>
    Api,

    /// <summary><c>autorespond run</c>: pipeline, response engine, API and console in one process.</summary>
    Run,
}
