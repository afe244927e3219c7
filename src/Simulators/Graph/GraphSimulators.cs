using AutoRespond.Simulators.Common;

namespace AutoRespond.Simulators.Graph;

public static class GraphSimulators
{
    /// <summary>New instances of this family's vendor simulators.</summary>
    public static IEnumerable<IVendorSimulator> Create() => [new GraphSimulator()];
}
