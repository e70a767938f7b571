namespace NasFunctions.Strategy;

/// <summary>Derives independent, stable seeds from a search seed and a path of integers (round, candidate, ...).</summary>
/// <remarks>Uses SplitMix64 mixing, so the result is the same in every process and on every platform.</remarks>
public static class SeedSequence
{
    /// <summary>Returns a non-negative 31-bit seed for (seed, path...).</summary>
    public static int Derive(long seed, params ReadOnlySpan<long> path)
    {
        ulong state = Mix(unchecked((ulong)seed));
        foreach (long step in path)
        {
            state = Mix(state ^ Mix(unchecked((ulong)step + 0x632BE59BD9B4E019UL)));
        }

        return (int)(state >> 33);
    }

    /// <summary>Returns a <see cref="Random"/> seeded from (seed, path...).</summary>
    public static Random CreateRandom(long seed, params ReadOnlySpan<long> path) => new(Derive(seed, path));

    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
