using System.Security.Claims;
using System.Security.Cryptography;
using AutoRespond.Api.Security;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Windows;
using AutoRespond.Storage;

namespace AutoRespond.Api.Windows;

/// <summary>
/// Window writes: stored, audited with the key's name, then announced (<see cref="WindowChanged"/>) so the engine
/// reloads. Windows of the config file are listed read-only (<c>config:NAME</c> ids).
/// </summary>
internal sealed class WindowService(IWindowStore store, AutoRespondConfig config, ApiAudit audit, IApiChangePublisher publisher,
    TimeProvider time)
{
    public const string ConfigPrefix = "config:";

    public async Task<IReadOnlyList<WindowView>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        return [.. config.Windows.Select(ConfigView), .. stored.Select(View)];
    }

    public async Task<WindowView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (id.StartsWith(ConfigPrefix, StringComparison.Ordinal))
            return config.Windows.FirstOrDefault(w => ConfigPrefix + w.Name == id) is { } w ? ConfigView(w) : null;
        return await store.GetAsync(id, cancellationToken) is { } stored ? View(stored) : null;
    }

    /// <summary>Every stored and config window as the engine evaluates it, with its id.</summary>
    public async Task<IReadOnlyList<(string Id, WindowConfig Window)>> ConfigsAsync(CancellationToken cancellationToken)
    {
        var list = config.Windows.Select(w => (ConfigPrefix + w.Name, w)).ToList();
        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            try
            {
                list.Add((stored.Id, StoredWindows.ToConfig(stored)));
            }
            catch (FormatException)
            {
                // not evaluable: the engine skips it too (WindowLoader logs it)
            }
        }
        return list;
    }

    public async Task<WindowView> CreateAsync(WindowConfig window, string source, string? externalId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        string actor = ApiCaller.NameOf(user);
        var now = time.GetUtcNow();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var stored = ToStored(NewId(), window, externalId, actor, now);
            if (await store.AddAsync(stored, cancellationToken))
            {
                await AnnounceAsync(user, "created", stored, source, cancellationToken);
                return View(stored);
            }
            // Not added: an id collision (try another), or a concurrent request made the same external window first.
            if (externalId is not null && await store.FindByExternalIdAsync(externalId, cancellationToken) is { } existing
                && await UpdateAsync(existing.Id, window, user, cancellationToken) is { } updated)
            {
                return updated;
            }
        }
        throw new InvalidOperationException("could not store the window: its id or external id kept colliding");
    }

    /// <summary>Creates, or updates, the window made from an outside record (a change request, an iCalendar UID).</summary>
    public async Task<(WindowView View, bool Created)> UpsertExternalAsync(string externalId, WindowConfig window, string source,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.FindByExternalIdAsync(externalId, cancellationToken) is { } existing
            && await UpdateAsync(existing.Id, window, user, cancellationToken) is { } updated)
        {
            return (updated, false);
        }
        return (await CreateAsync(window, source, externalId, user, cancellationToken), true);
    }

    /// <summary>Deletes the window made from an outside record; its id, or null when there was none.</summary>
    public async Task<string?> DeleteExternalAsync(string externalId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await store.FindByExternalIdAsync(externalId, cancellationToken) is { } existing && await DeleteAsync(existing.Id, user, cancellationToken)
            ? existing.Id
            : null;

    /// <summary>The replaced window, or null when there is no stored window with that id.</summary>
    public async Task<WindowView?> UpdateAsync(string id, WindowConfig window, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } existing) return null;
        var stored = ToStored(id, window, existing.ExternalId, ApiCaller.NameOf(user), time.GetUtcNow()) with
        {
            CreatedBy = existing.CreatedBy, CreatedAt = existing.CreatedAt,
        };
        if (!await store.UpdateAsync(stored, cancellationToken)) return null;
        await AnnounceAsync(user, "updated", stored, null, cancellationToken);
        return View(stored);
    }

    public async Task<bool> DeleteAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } existing) return false;
        if (!await store.DeleteAsync(id, cancellationToken)) return false;
        await AnnounceAsync(user, "deleted", existing, null, cancellationToken);
        return true;
    }

    private async Task AnnounceAsync(ClaimsPrincipal user, string change, StoredWindow window, string? source, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(user, change, "window", window.Id, new { window.Name, window.Start, window.End, window.Rrule, window.Tz,
            window.Scope, window.Effect, window.CapScore, window.ExternalId, Source = source }, cancellationToken);
        await publisher.PublishAsync(new WindowChanged(window.Id, change, ApiCaller.NameOf(user), time.GetUtcNow()), cancellationToken);
    }

    private static StoredWindow ToStored(string id, WindowConfig w, string? externalId, string actor, DateTimeOffset now) =>
        new(id, w.Name, w.Start.ToUniversalTime(), w.End.ToUniversalTime(), w.Rrule, w.Tz, StoredWindows.ToStored(w.Scope),
            StoredWindows.EffectName(w.Effect), w.CapScore, externalId, actor, now, actor, now);

    private static string NewId() => "win-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    internal static WindowView View(StoredWindow w) =>
        new(w.Id, w.Name, w.Start, w.End, w.Rrule, w.Tz, new WindowScopeRequest(w.Scope.Devices, w.Scope.Zones, w.Scope.Users, w.Scope.Actions),
            w.Effect, w.CapScore, SourceOf(w.ExternalId), w.ExternalId, w.CreatedBy, w.CreatedAt, w.UpdatedBy, w.UpdatedAt);

    private static WindowView ConfigView(WindowConfig w)
    {
        var scope = StoredWindows.ToStored(w.Scope);
        return new WindowView(ConfigPrefix + w.Name, w.Name, w.Start, w.End, w.Rrule, w.Tz,
            new WindowScopeRequest(scope.Devices, scope.Zones, scope.Users, scope.Actions), StoredWindows.EffectName(w.Effect), w.CapScore,
            "config", null, "config file", null, null, null);
    }

    private static string SourceOf(string? externalId) => externalId switch
    {
        null => "api",
        _ when externalId.StartsWith("servicenow:", StringComparison.Ordinal) => "servicenow",
        _ when externalId.StartsWith("ics:", StringComparison.Ordinal) => "ics",
        _ => "api",
    };
}
