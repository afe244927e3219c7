using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoRespond.Sensor.Flows;

/// <summary>Zeek's scaled history letters: T/t retransmissions, W/w zero windows, C/c bad checksums.</summary>
internal enum ScaledCount
{
    Retransmit,
    ZeroWindow,
    Checksum,
}

/// <summary>
/// The counters behind the scaled history letters, kept out of <see cref="FlowState"/>: most flows never retransmit,
/// advertise a zero window or carry a bad checksum, so a flow gets its six counters (three per side) on the first such
/// packet and loses them when it ends.
/// </summary>
public sealed partial class FlowTable
{
    [InlineArray(6)]
    private struct ScaledCounts
    {
        private uint _first;
    }

    private readonly Dictionary<long, ScaledCounts> _scaled = [];

    /// <summary>Counts one occurrence on the given side; the letter is added at the 1st, 10th, 100th, ... (Zeek's ScaledHistoryEntry).</summary>
    private void ScaledHistory(ref FlowState f, bool isOrig, ScaledCount kind)
    {
        ref ScaledCounts counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_scaled, f.Serial, out _);
        f.HasScaledCounts = true;
        // Indexed by key endpoint (A or B), not by role: a role flip swaps the endpoints, and Zeek's counters go with them.
        int side = isOrig == f.OrigIsA ? 0 : 1;
        char letter = kind switch { ScaledCount.Retransmit => 'T', ScaledCount.ZeroWindow => 'W', _ => 'C' };
        f.ScaledHistory(isOrig ? letter : char.ToLowerInvariant(letter), ref counts[(int)kind * 2 + side]);
    }

    private void ForgetScaledCounts(in FlowState f)
    {
        if (f.HasScaledCounts)
        {
            _scaled.Remove(f.Serial);
        }
    }

    /// <summary>Bytes of the side store (entries and buckets).</summary>
    private long ScaledCountsBytes => (long)_scaled.Capacity * (Unsafe.SizeOf<ScaledCounts>() + sizeof(long) + 3 * sizeof(int));
}
