using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.CheckColumn(ObjectName, RecordId, ColumnName, ColumnOperation)"/> beside the
/// record check it builds on, on the record checks of the workload, with a column that has rows.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ColumnCheckBenchmarks
{
    private const int Checks = 1024;
    private static readonly ColumnName s_amount = new("Amount");

    private AccessPrincipal[] _principals = [];
    private ObjectName[] _objects = [];
    private RecordId[] _records = [];
    private AccessObject[] _resolved = [];

    [GlobalSetup]
    public void Setup()
    {
        ExtendedWorkload loaded = ExtendedWorkload.Load();
        ReferenceWorkload workload = loaded.Workload;
        _principals = new AccessPrincipal[Checks];
        _objects = new ObjectName[Checks];
        _records = new RecordId[Checks];
        _resolved = new AccessObject[Checks];
        for (int i = 0; i < Checks; i++)
        {
            // Objects with column rules only, so the column step runs its rows.
            int obj = workload.RecordCheckObject[i] % ExtendedWorkload.ColumnRuleObjects;
            _principals[i] = loaded.Principals[workload.RecordCheckUser[i]];
            _objects[i] = loaded.Model.RecordObjects[obj];
            _records[i] = loaded.Model.RecordId(obj, workload.RecordCheckRecord[i]);
            _resolved[i] = loaded.Snapshot.GetObject(_objects[i]);
        }
    }

    /// <summary>The record check alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int CheckRecord()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckRecord(_objects[i], _records[i], RecordOperation.Read).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>Reading a column with rows of the same record.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckColumnOfRecord()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckColumn(_objects[i], _records[i], s_amount, ColumnOperation.Read).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>Editing a column with rows, without a record.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckColumnOfObject()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckColumn(_objects[i], s_amount, ColumnOperation.Edit).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>The record check alone, on objects resolved beforehand (<see cref="AccessSnapshot.GetObject"/>).</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckRecordResolved()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckRecord(in _resolved[i], _records[i], RecordOperation.Read).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>Reading a column with rows of the same record, on objects resolved beforehand.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckColumnOfRecordResolved()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckColumn(in _resolved[i], _records[i], s_amount, ColumnOperation.Read).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>Editing a column with rows, without a record, on objects resolved beforehand.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckColumnOfObjectResolved()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckColumn(in _resolved[i], s_amount, ColumnOperation.Edit).IsAllowed ? 1 : 0;
        }

        return allowed;
    }
}
