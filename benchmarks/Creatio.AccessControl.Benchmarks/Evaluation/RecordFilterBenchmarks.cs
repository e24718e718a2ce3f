using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.GetRecordFilter(ObjectName, RecordOperation)"/> on the full reference workload, cache
/// warm: the filter (effective roles, the users whose records the user holds implicitly) of <see cref="Principals"/> users
/// in turns, for an object with record permissions. Figures are per filter.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecordFilterBenchmarks
{
    private const int Principals = 64;

    private AccessPrincipal[] _principals = [];
    private ObjectName _object;

    [GlobalSetup]
    public void Setup()
    {
        LoadedWorkload loaded = LoadedWorkload.Load("full");
        _object = loaded.Model.RecordObjects[0];
        int step = Math.Max(1, loaded.Principals.Length / Principals);
        _principals = [.. Enumerable.Range(0, Principals).Select(i => loaded.Principals[i * step % loaded.Principals.Length])];
        GetRecordFilter();   // builds what the snapshot keeps for filters, so that the figures are cache-warm
    }

    /// <summary>One filter per principal.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Principals)]
    public int GetRecordFilter()
    {
        int authors = 0;
        foreach (AccessPrincipal principal in _principals)
        {
            authors += principal.GetRecordFilter(_object, RecordOperation.Read).AuthorsAndOwners.Count;
        }

        return authors;
    }
}
