using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Common;

/// <summary>
/// One vendor API (FortiOS, Graph, Jira…): maps its routes, enforces its auth, keeps its state (so the executors
/// can verify by read-back) and answers with the vendor's real status codes and error bodies.
/// </summary>
public interface IVendorSimulator
{
    /// <summary>The vendor's name in the journal and the fault plan: fortios, panos, opnsense, iosxe, arista, graph, servicenow, jira, pagerduty, webhook.</summary>
    string Vendor { get; }

    /// <summary>Maps the routes. Every route must carry <see cref="VendorTag"/> metadata (use <c>.WithMetadata(new VendorTag(Vendor))</c> on a group).</summary>
    void Map(IEndpointRouteBuilder routes, SimulatorContext context);

    /// <summary>The vendor's error body for an injected status, when the fault gives none.</summary>
    string ErrorBody(int status);
}

/// <summary>Route metadata naming the vendor a request belongs to.</summary>
public sealed record VendorTag(string Vendor);

/// <summary>What every vendor module shares.</summary>
public sealed class SimulatorContext(RequestJournal journal, FaultPlan faults, SimulatorCredentials credentials, TimeProvider time)
{
    public RequestJournal Journal { get; } = journal;

    public FaultPlan Faults { get; } = faults;

    public SimulatorCredentials Credentials { get; } = credentials;

    public TimeProvider Time { get; } = time;

    /// <summary>Requests being answered right now, per vendor (an action in flight at the target).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> InFlight { get; } = new(StringComparer.Ordinal);
}
