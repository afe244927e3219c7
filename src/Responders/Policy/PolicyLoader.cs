using AutoRespond.Configuration;
using AutoRespond.Responders.Escalation;
using AutoRespond.Storage;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Policy;

/// <summary>What became of a stored policy version.</summary>
public enum PolicyLoadStatus
{
    /// <summary>It is now in force.</summary>
    Swapped,

    /// <summary>That version or a later one is already in force; nothing changed.</summary>
    Stale,

    /// <summary>The store has no such version (or no policy at all); nothing changed.</summary>
    NotFound,

    /// <summary>It is not a valid policy; the previous one stays in force.</summary>
    Rejected,
}

/// <param name="Problems">Why the version was rejected (format errors and <see cref="PolicyValidator"/> errors).</param>
public sealed record PolicyLoadResult(PolicyLoadStatus Status, int Version, IReadOnlyList<string> Problems)
{
    public bool Swapped => Status == PolicyLoadStatus.Swapped;
}

/// <summary>
/// Loads a version from <see cref="IPolicyStore"/>, reads it (<see cref="ResponsePolicyJson"/>), validates it with
/// <see cref="PolicyValidator"/> against the rest of the config (network, windows, escalation) and swaps it into
/// the <see cref="PolicyProvider"/>. An invalid version is rejected with its errors logged; the policy in force stays.
/// </summary>
public sealed partial class PolicyLoader(
    IPolicyStore store,
    PolicyProvider provider,
    AutoRespondConfig config,
    EscalationOptions escalation,
    ILogger<PolicyLoader> logger)
{
    public async Task<PolicyLoadResult> LoadAsync(int version, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(version, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            LogNotFound(logger, version);
            return new PolicyLoadResult(PolicyLoadStatus.NotFound, version, [$"no stored policy version {version}"]);
        }
        return Apply(stored);
    }

    /// <summary>Loads the newest stored version (start-up); NotFound when none was saved.</summary>
    public async Task<PolicyLoadResult> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new PolicyLoadResult(PolicyLoadStatus.NotFound, 0, ["no stored policy"])
            : Apply(stored);
    }

    private PolicyLoadResult Apply(StoredPolicy stored)
    {
        if (stored.Version <= provider.Current.Version)
        {
            LogStale(logger, stored.Version, provider.Current.Version);
            return new PolicyLoadResult(PolicyLoadStatus.Stale, stored.Version, []);
        }
        ResponseConfig response;
        try
        {
            response = ResponsePolicyJson.Parse(stored.Json, config.Network);
        }
        catch (PolicyFormatException e)
        {
            return Reject(stored.Version, e.Problems);
        }
        var validation = PolicyValidator.Validate(config with { Response = response }, escalation);
        if (!validation.IsValid)
        {
            return Reject(stored.Version, validation.Issues
                .Where(i => i.Severity == PolicySeverity.Error).Select(i => i.ToString()).ToArray());
        }
        foreach (var warning in validation.Issues)
            LogWarning(logger, stored.Version, warning.ToString());
        if (!provider.TrySwap(stored.Version, response))
        {
            LogStale(logger, stored.Version, provider.Current.Version);
            return new PolicyLoadResult(PolicyLoadStatus.Stale, stored.Version, []);
        }
        LogSwapped(logger, stored.Version, stored.CreatedBy, stored.Note ?? "");
        return new PolicyLoadResult(PolicyLoadStatus.Swapped, stored.Version, []);
    }

    private PolicyLoadResult Reject(int version, IReadOnlyList<string> problems)
    {
        LogRejected(logger, version, provider.Current.Version, string.Join("; ", problems));
        return new PolicyLoadResult(PolicyLoadStatus.Rejected, version, problems);
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Policy version {Version} in force (by {CreatedBy}: {Note})")]
    private static partial void LogSwapped(ILogger logger, int version, string createdBy, string note);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Error,
        Message = "Policy version {Version} rejected; version {InForce} stays in force: {Problems}")]
    private static partial void LogRejected(ILogger logger, int version, int inForce, string problems);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Debug, Message = "Policy version {Version} ignored: version {InForce} is in force")]
    private static partial void LogStale(ILogger logger, int version, int inForce);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Policy version {Version} not found in the store")]
    private static partial void LogNotFound(ILogger logger, int version);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Policy version {Version}: {Warning}")]
    private static partial void LogWarning(ILogger logger, int version, string warning);
}
