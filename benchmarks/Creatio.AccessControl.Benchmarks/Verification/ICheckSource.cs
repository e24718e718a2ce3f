namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Answers the checks of one workload file by position; implemented by structs so the runner's loop is
/// specialized and inlined per source.</summary>
internal interface ICheckSource
{
    /// <summary>Decides check <paramref name="index"/> of the file.</summary>
    bool Decide(int index);
}
