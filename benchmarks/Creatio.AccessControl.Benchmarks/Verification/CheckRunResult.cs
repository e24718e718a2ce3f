namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>The outcome of running every check of a file once, in file order, on one thread.</summary>
internal sealed record CheckRunResult(
    int Count,
    int Allows,
    int Mismatches,
    uint Hash,
    TimeSpan TimedLoop,
    TimeSpan UntimedLoop,
    double P50Nanoseconds,
    double P99Nanoseconds,
    double MaxNanoseconds)
{
    public double ChecksPerSecond => Count / TimedLoop.TotalSeconds;

    public double UntimedChecksPerSecond => Count / UntimedLoop.TotalSeconds;
}
