using System.Numerics;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Operations on bit sets stored as runs of <see cref="ulong"/> words.</summary>
internal static class Bits
{
    public static int WordsFor(int bitCount) => (bitCount + 63) >> 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Get(ReadOnlySpan<ulong> words, int bit) => (words[bit >> 6] & (1UL << bit)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Span<ulong> words, int bit) => words[bit >> 6] |= 1UL << bit;

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
    }

    public static int Count(ReadOnlySpan<ulong> words)
    {
        int count = 0;
        foreach (ulong word in words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    public static bool Any(ReadOnlySpan<ulong> words)
    {
        foreach (ulong word in words)
        {
            if (word != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the index of the first set bit at or after <paramref name="from"/>, or -1.</summary>
    public static int Next(ReadOnlySpan<ulong> words, int from)
    {
        int wordIndex = from >> 6;
        if (wordIndex >= words.Length)
        {
            return -1;
        }

        ulong word = words[wordIndex] & (~0UL << (from & 63));
        while (true)
        {
            if (word != 0)
            {
                return (wordIndex << 6) + BitOperations.TrailingZeroCount(word);
            }

            if (++wordIndex >= words.Length)
            {
                return -1;
            }

            word = words[wordIndex];
        }
    }
}
