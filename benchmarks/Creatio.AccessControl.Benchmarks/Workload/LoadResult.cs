namespace Creatio.AccessControl.Benchmarks.Workload;

/// <summary>A compiled workload and what loading it cost.</summary>
/// <param name="Snapshot">The compiled snapshot.</param>
/// <param name="BuildTime">The time of <see cref="AccessModelBuilder.Build"/>.</param>
/// <param name="CompileTime">The time of <see cref="AccessSnapshot.Compile(AccessModel, long)"/>.</param>
/// <param name="AllocatedBytes">The bytes allocated by both.</param>
/// <param name="ProcessorTime">The processor time the process spent in both, on every thread (JIT and GC included); on a
/// machine shared with other work it is steadier than the elapsed times.</param>
internal sealed record LoadResult(AccessSnapshot Snapshot, TimeSpan BuildTime, TimeSpan CompileTime, long AllocatedBytes, TimeSpan ProcessorTime)
{
    public TimeSpan LoadTime => BuildTime + CompileTime;
}
