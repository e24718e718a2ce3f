using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.CheckSystemOperation"/> for the users of the workload's first checks.</summary>
[MemoryDiagnoser]
public class SystemOperationBenchmarks
{
    private const int Checks = 1024;

    private AccessPrincipal[] _principals = [];

    [GlobalSetup]
    public void Setup()
    {
        ExtendedWorkload loaded = ExtendedWorkload.Load();
        _principals = [.. Enumerable.Range(0, Checks).Select(i => loaded.Principals[loaded.Workload.OpCheckUser[i]])];
    }

    /// <summary>An operation with explicit rows.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int CheckExportGrid()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckSystemOperation(SystemOperations.CanExportGrid).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>A built-in operation held by System administrators only by default.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckManageUsers()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].CheckSystemOperation(SystemOperations.CanManageUsers).IsAllowed ? 1 : 0;
        }

        return allowed;
    }
}
