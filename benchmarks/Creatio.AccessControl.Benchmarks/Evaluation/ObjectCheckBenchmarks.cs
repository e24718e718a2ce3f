using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.CheckObject(ObjectName, ObjectOperation)"/> on the full reference workload: the first
/// <see cref="Checks"/> operation checks of <c>checks_ops.csv</c>, in file order.</summary>
/// <remarks>Every check is a different (user, object, operation) triple drawn uniformly, so the per-object decision
/// tables are read from many cache lines. Figures are per check.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class ObjectCheckBenchmarks
{
    private const int Checks = 1024;

    private AccessSnapshot _snapshot = AccessSnapshot.Empty;
    private AccessPrincipal[] _principals = [];
    private UserId[] _users = [];
    private ObjectName[] _objects = [];
    private AccessObject[] _resolved = [];
    private ObjectOperation[] _operations = [];

    [GlobalSetup]
    public void Setup()
    {
        LoadedWorkload loaded = LoadedWorkload.Load("full");
        ReferenceWorkload workload = loaded.Workload;
        _snapshot = loaded.Snapshot;
        _principals = new AccessPrincipal[Checks];
        _users = new UserId[Checks];
        _objects = new ObjectName[Checks];
        _resolved = new AccessObject[Checks];
        _operations = new ObjectOperation[Checks];
        for (int i = 0; i < Checks; i++)
        {
            int user = workload.OpCheckUser[i];
            int operation = workload.OpCheckOperation[i];
            _principals[i] = loaded.Principals[user];
            _users[i] = loaded.Model.UserIds[user];
            _objects[i] = loaded.Model.OperationObjects[(workload.OpCheckObject[i] * 4) + operation];
            _operations[i] = ReferenceWorkloadModel.ToObjectOperation(operation);
            _resolved[i] = _snapshot.GetObject(_objects[i]);
        }
    }

    /// <summary>Checks on principals resolved beforehand, as a host does when it asks several questions per request.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int CheckObject()
    {
        AccessPrincipal[] principals = _principals;
        int allowed = 0;
        for (int i = 0; i < principals.Length; i++)
        {
            if (principals[i].CheckObject(_objects[i], _operations[i]).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }

    /// <summary>Resolving the principal with <see cref="AccessSnapshot.GetPrincipal"/> for every check, as a host does when
    /// a request asks one question.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int GetPrincipalAndCheckObject()
    {
        UserId[] users = _users;
        int allowed = 0;
        for (int i = 0; i < users.Length; i++)
        {
            if (_snapshot.GetPrincipal(users[i], LoadedWorkload.Now).CheckObject(_objects[i], _operations[i]).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }

    /// <summary>Checks on principals and objects resolved beforehand (<see cref="AccessSnapshot.GetObject"/>), as a host
    /// does when it resolves the object of a request once and checks it many times.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckObjectResolved()
    {
        AccessPrincipal[] principals = _principals;
        AccessObject[] resolved = _resolved;
        int allowed = 0;
        for (int i = 0; i < principals.Length; i++)
        {
            if (principals[i].CheckObject(in resolved[i], _operations[i]).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }
}
