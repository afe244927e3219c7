namespace AutoRespond.Sensor.Flows;

/// <summary>Zeek-looking connection uids ("C" + base62) from a seeded counter, so replays are reproducible.</summary>
public static class FlowUid
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The uid of the <paramref name="serial"/>-th flow (1-based) under <paramref name="seed"/>.</summary>
    public static string Create(ulong seed, long serial)
    {
        ulong a = Mix(seed ^ (ulong)serial);
        ulong b = Mix(a ^ 0x9E37_79B9_7F4A_7C15);
        return string.Create(18, (a, b), static (span, v) =>
        {
            span[0] = 'C';
            ulong x = v.a, y = v.b;
            for (int i = 1; i < 18; i++)
            {
                ref ulong src = ref i <= 9 ? ref x : ref y;
                span[i] = Alphabet[(int)(src % 62)];
                src /= 62;
            }
        });
    }

    /// <summary>SplitMix64 finaliser (also the hash of the record string caches).</summary>
    internal static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
