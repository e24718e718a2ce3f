using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.FilterRecords(ObjectName, RecordOperation, ReadOnlySpan{RecordId}, Span{RecordId})"/>
/// over 100,000 record ids (the 500 records of <c>E0</c>, 200 times over, shuffled), for one user.</summary>
[MemoryDiagnoser]
public class FilterRecordsBenchmarks
{
    private const int Ids = 100_000;

    private AccessPrincipal _principal;
    private ObjectName _object;
    private RecordId[] _records = [];
    private RecordId[] _allowed = [];

    [GlobalSetup]
    public void Setup()
    {
        ExtendedWorkload loaded = ExtendedWorkload.Load();
        _object = loaded.Model.RecordObjects[0];
        var random = new Random(20250601);
        _records = [.. Enumerable.Range(0, Ids).Select(i => loaded.Model.RecordId(0, i % loaded.Workload.RecordsPerObject)).OrderBy(_ => random.Next())];
        _allowed = new RecordId[Ids];

        // The user who may read the most records of E0: the case where filtering keeps the most.
        _principal = loaded.Principals.MaxBy(p => p.FilterRecords(_object, RecordOperation.Read, _records.AsSpan(0, 500), _allowed));
    }

    /// <summary>Filtering 100,000 ids; divide the time by 100,000 for the cost per id.</summary>
    [Benchmark(Baseline = true)]
    public int Filter() => _principal.FilterRecords(_object, RecordOperation.Read, _records, _allowed);
}
