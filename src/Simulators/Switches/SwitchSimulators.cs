using AutoRespond.Simulators.Common;

namespace AutoRespond.Simulators.Switches;

public static class SwitchSimulators
{
    /// <summary>New instances of this family's vendor simulators.</summary>
    public static IEnumerable<IVendorSimulator> Create() => [new IosXeSimulator(), new AristaSimulator()];
}
