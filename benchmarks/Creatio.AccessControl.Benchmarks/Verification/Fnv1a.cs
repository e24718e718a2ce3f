namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>The FNV-1a 32-bit hash the workload's manifest stores for its decision strings.</summary>
internal static class Fnv1a
{
    public const uint OffsetBasis = 0x811C9DC5;

    private const uint Prime = 0x01000193;

    /// <summary>Adds one decision, as the ASCII byte '1' (allow) or '0' (deny).</summary>
    public static uint Append(uint hash, bool allowed) => unchecked((hash ^ (allowed ? (byte)'1' : (byte)'0')) * Prime);
}
