using System.Diagnostics;

namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Runs the checks of a file in order, one call per check, as WORKLOAD.md asks.</summary>
internal static class CheckRunner
{
    /// <summary>Runs every check three times: once to warm up (JIT tiers, caches), once timing each call with
    /// <see cref="Stopwatch.GetTimestamp"/> (for the decisions, their hash and the latency percentiles) and once without
    /// per-call timing (for raw throughput).</summary>
    public static CheckRunResult Run<TSource>(TSource source, bool[] expected)
        where TSource : struct, ICheckSource
    {
        int count = expected.Length;
        int warmAllows = 0;
        for (int i = 0; i < count; i++)
        {
            warmAllows += source.Decide(i) ? 1 : 0;
        }

        var latencies = new long[count];
        uint hash = Fnv1a.OffsetBasis;
        int allows = 0;
        int mismatches = 0;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            long before = Stopwatch.GetTimestamp();
            bool allowed = source.Decide(i);
            latencies[i] = Stopwatch.GetTimestamp() - before;
            hash = Fnv1a.Append(hash, allowed);
            allows += allowed ? 1 : 0;
            mismatches += allowed != expected[i] ? 1 : 0;
        }

        TimeSpan timed = Stopwatch.GetElapsedTime(start);

        int untimedAllows = 0;
        start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            untimedAllows += source.Decide(i) ? 1 : 0;
        }

        TimeSpan untimed = Stopwatch.GetElapsedTime(start);
        if (untimedAllows != allows || warmAllows != allows)
        {
            throw new InvalidOperationException($"The passes allowed {warmAllows}, {allows} and {untimedAllows} checks.");
        }

        Array.Sort(latencies);
        return new CheckRunResult(
            count,
            allows,
            mismatches,
            hash,
            timed,
            untimed,
            Nanoseconds(Percentile(latencies, 0.50)),
            Nanoseconds(Percentile(latencies, 0.99)),
            Nanoseconds(count == 0 ? 0 : latencies[^1]));
    }

    private static long Percentile(long[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double Nanoseconds(long ticks) => ticks * 1e9 / Stopwatch.Frequency;
}
