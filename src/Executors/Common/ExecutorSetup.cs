using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors.Common;

/// <summary>
/// What a family's registration gets: the services, where secrets come from, the resilience settings, and
/// a list to add start-up problems to ("fortios: environment variable FORTIOS_TOKEN is not set").
/// Registrations add problems instead of throwing, so one start-up reports every problem at once.
/// </summary>
public sealed class ExecutorSetup(IServiceCollection services, ISecretSource secrets, ExecutorOptions options)
{
    private readonly List<string> _problems = [];
    private readonly List<string> _registered = [];

    public IServiceCollection Services { get; } = services;

    public ISecretSource Secrets { get; } = secrets;

    public ExecutorOptions Options { get; } = options;

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>"kind/integration" pairs registered so far (firewall-block/fortios…), for the start-up log.</summary>
    public IReadOnlyList<string> Registered => _registered;

    public void Problem(string integration, string message) => _problems.Add($"{integration}: {message}");

    public void Registering(string kind, string integration) => _registered.Add($"{kind}/{integration}");

    /// <summary>The secret in <paramref name="variable"/>, or null after recording a problem for <paramref name="integration"/>.</summary>
    public string? RequireSecret(string integration, string variable)
    {
        var value = Secrets.Find(variable);
        if (value is null)
            Problem(integration, $"environment variable {variable} is not set");
        return value;
    }
}
