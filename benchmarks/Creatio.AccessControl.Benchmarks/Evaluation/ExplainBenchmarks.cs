using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.Explain"/> beside the check it explains: the only allocating path.</summary>
[MemoryDiagnoser]
public class ExplainBenchmarks
{
    private const int Checks = 256;

    private AccessPrincipal[] _principals = [];
    private AccessRequest[] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        ExtendedWorkload loaded = ExtendedWorkload.Load();
        ReferenceWorkload workload = loaded.Workload;
        _principals = new AccessPrincipal[Checks];
        _requests = new AccessRequest[Checks];
        for (int i = 0; i < Checks; i++)
        {
            int operation = workload.OpCheckOperation[i];
            _principals[i] = loaded.Principals[workload.OpCheckUser[i]];
            _requests[i] = AccessRequest.ForObject(
                loaded.Model.OperationObjects[(workload.OpCheckObject[i] * 4) + operation], ReferenceWorkloadModel.ToObjectOperation(operation));
        }
    }

    /// <summary>The check.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int Check()
    {
        int allowed = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            allowed += _principals[i].Check(_requests[i]).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>The explanation of the same check.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int Explain()
    {
        int steps = 0;
        for (int i = 0; i < _principals.Length; i++)
        {
            steps += _principals[i].Explain(_requests[i]).Steps.Count;
        }

        return steps;
    }
}
