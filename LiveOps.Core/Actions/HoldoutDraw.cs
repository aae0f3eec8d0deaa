namespace LiveOps.Core.Actions;

/// <summary>
/// The random holdout of an action, reproducible from its seed on any machine and runtime.
/// </summary>
/// <remarks>
/// The algorithm is fixed here rather than borrowed from <see cref="System.Random"/>, whose sequence for a seed is not
/// promised across .NET versions:
/// <list type="number">
/// <item>the distinct customer ids are sorted ordinally (so the file's row order does not matter);</item>
/// <item>they are shuffled by Fisher–Yates (Durstenfeld): for i = n−1 down to 1, swap position i with a position j
/// drawn uniformly from 0..i;</item>
/// <item>j comes from SplitMix64 (Steele, Lea &amp; Flood 2014) started at the seed, mapped to 0..i without bias by
/// rejecting draws below 2⁶⁴ mod (i+1) and taking the remainder;</item>
/// <item>the first round(n × F) ids of the shuffled list are the holdout.</item>
/// </list>
/// </remarks>
public static class HoldoutDraw
{
    /// <summary>The holdout ids for <paramref name="customerIds"/> (any order, distinct), <paramref name="holdoutSize"/> of them.</summary>
    public static HashSet<string> Draw(IEnumerable<string> customerIds, int holdoutSize, long seed)
    {
        var ids = customerIds.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdoutSize, ids.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutSize);
        var random = new SplitMix64(seed);
        for (var i = ids.Length - 1; i > 0; i--)
        {
            var j = (int)random.Below((ulong)i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return new HashSet<string>(ids.Take(holdoutSize), StringComparer.Ordinal);
    }

    /// <summary>SplitMix64: a 64-bit state advanced by the golden-ratio constant, output through two multiply-xorshift rounds.</summary>
    internal sealed class SplitMix64(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public ulong Next()
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                var z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>Uniform in 0..bound−1: draws below 2⁶⁴ mod bound are rejected, so every remainder is equally likely.</summary>
        public ulong Below(ulong bound)
        {
            var threshold = unchecked(0UL - bound) % bound;
            while (true)
            {
                var r = Next();
                if (r >= threshold)
                {
                    return r % bound;
                }
            }
        }
    }
}
