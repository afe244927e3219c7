using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Host.Faults;

/// <summary>
/// Compares what a distributed run did with what it should have done (docs/fault-test.md):
/// <list type="bullet">
/// <item><b>lost</b>: incidents of the reference replay missing from storage, plus reference actions missing from the ledger;</item>
/// <item><b>duplicates</b>: second tickets for one incident at ServiceNow (creations per <c>correlation_id</c> beyond the first);</item>
/// <item><b>orphaned</b>: addresses still in the OPNsense alias (read back through its API) whose action expired or was released,
/// or with no action at all; plus revertible actions past their expiry that the ledger still shows as executed.</item>
/// </list>
/// </summary>
public sealed class LedgerReconciliation(IDbContextFactory<AutoRespondDbContext> db, HttpClient simulators, string opnAlias,
    string opnKey, string opnSecret, TimeProvider time)
{
    public async Task<ReconciliationResult> RunAsync(IReadOnlyCollection<string> expectedIncidents,
        IReadOnlyCollection<string> expectedActions, CancellationToken cancellationToken)
    {
        await using var context = await db.CreateDbContextAsync(cancellationToken);
        var incidents = (await context.Incidents.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var actions = await context.Actions.Select(a => new { a.Id, a.Kind, a.State, a.Target, a.ExpiresAt }).ToListAsync(cancellationToken);
        var actionIds = actions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        var lostIncidents = expectedIncidents.Where(i => !incidents.Contains(i)).ToList();
        var lostActions = expectedActions.Where(a => !actionIds.Contains(a)).ToList();

        var tickets = await TicketCreationsAsync(cancellationToken);
        int duplicates = tickets.Values.Sum(n => Math.Max(0, n - 1));

        var blocked = await AliasContentsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var live = actions.Where(a => a.Kind == ActionKinds.FirewallBlock && a.State is ActionStates.Executed)
            .Select(a => a.Target).ToHashSet(StringComparer.Ordinal);
        var orphanedAtTarget = blocked.Where(ip => !live.Contains(ip)).ToList();
        var unreverted = actions.Where(a => a.State == ActionStates.Executed && ActionKinds.IsRevertible(a.Kind)
            && a.ExpiresAt is { } e && e < now - TimeSpan.FromMinutes(1)).Select(a => a.Id).ToList();

        return new ReconciliationResult(incidents.Count, lostIncidents.Count + lostActions.Count, duplicates,
            orphanedAtTarget.Count + unreverted.Count, lostIncidents, lostActions, orphanedAtTarget, unreverted,
            actions.Count, tickets.Count);
    }

    /// <summary>ServiceNow incident creations per correlation id, from the simulator's journal (created = 201).</summary>
    private async Task<Dictionary<string, int>> TicketCreationsAsync(CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(await simulators.GetStringAsync("_sim/requests?vendor=servicenow", cancellationToken));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            if (r.GetProperty("method").GetString() != "POST" || r.GetProperty("status").GetInt32() != 201) continue;
            if (!(r.GetProperty("path").GetString() ?? "").Contains("/table/incident", StringComparison.Ordinal)) continue;
            using var body = JsonDocument.Parse(r.GetProperty("body").GetString() ?? "{}");
            string key = body.RootElement.TryGetProperty("correlation_id", out var c) ? c.GetString() ?? "" : "";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>The alias as the firewall reports it (<c>GET /api/firewall/alias_util/list/{alias}</c>, basic auth).</summary>
    private async Task<IReadOnlyList<string>> AliasContentsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/firewall/alias_util/list/{Uri.EscapeDataString(opnAlias)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{opnKey}:{opnSecret}")));
        using var response = await simulators.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var rows = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("rows");
        return [.. rows.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : r.GetProperty("ip").GetString()!)];
    }
}

/// <summary>The reconciliation's counts, and what they are made of.</summary>
public sealed record ReconciliationResult(int Incidents, int Lost, int Duplicates, int Orphaned,
    IReadOnlyList<string> LostIncidents, IReadOnlyList<string> LostActions, IReadOnlyList<string> OrphanedAtTarget,
    IReadOnlyList<string> Unreverted, int Actions, int Tickets)
{
    /// <summary>The fault test's last line: <c>incidents=N lost=N duplicates=N orphaned=N</c>.</summary>
    public string Line => $"incidents={Incidents} lost={Lost} duplicates={Duplicates} orphaned={Orphaned}";
}
