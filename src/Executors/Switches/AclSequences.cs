using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AutoRespond.Executors.Switches;

/// <summary>
/// Sequence numbers in the switch ACL the executors own: each action's deny entry sits at a number derived from its
/// id (10 … 999,999; the next free one on a collision), and a catch-all permit closes the list at 1,000,000 so the
/// ACL only ever drops the quarantined devices.
/// </summary>
internal static class AclSequences
{
    public const long First = 10;
    public const long PermitAll = 1_000_000;
    private const long Span = PermitAll - First;
    private const int MaxProbes = 1000;

    /// <summary>The preferred sequence number of <paramref name="actionId"/>'s entry.</summary>
    public static long Preferred(string actionId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(actionId), hash);
        return First + (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)Span);
    }

    /// <summary>The preferred number, or the next one not in <paramref name="taken"/>.</summary>
    public static long Choose(string actionId, IReadOnlySet<long> taken)
    {
        long sequence = Preferred(actionId);
        for (int i = 0; i < MaxProbes && taken.Contains(sequence); i++)
            sequence = sequence + 1 >= PermitAll ? First : sequence + 1;
        return taken.Contains(sequence)
            ? throw new InvalidOperationException("no free sequence number near the action's own")
            : sequence;
    }
}
