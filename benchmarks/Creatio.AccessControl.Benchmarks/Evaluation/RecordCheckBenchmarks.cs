using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary><see cref="AccessPrincipal.CheckRecord(ObjectName, RecordId, RecordOperation)"/> (read) on the full reference workload: the first
/// <see cref="Checks"/> record checks of <c>checks_records.csv</c>, in file order.</summary>
/// <remarks>Every check is a different (user, object, record) triple drawn uniformly. Figures are per check.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class RecordCheckBenchmarks
{
    private const int Checks = 1024;

    private AccessSnapshot _snapshot = AccessSnapshot.Empty;
    private AccessPrincipal[] _principals = [];
    private UserId[] _users = [];
    private ObjectName[] _objects = [];
    private RecordId[] _records = [];
    private AccessObject[] _resolved = [];

    [GlobalSetup]
    public void Setup()
    {
        LoadedWorkload loaded = LoadedWorkload.Load("full");
        ReferenceWorkload workload = loaded.Workload;
        _snapshot = loaded.Snapshot;
        _principals = new AccessPrincipal[Checks];
        _users = new UserId[Checks];
        _objects = new ObjectName[Checks];
        _records = new RecordId[Checks];
        _resolved = new AccessObject[Checks];
        for (int i = 0; i < Checks; i++)
        {
            int user = workload.RecordCheckUser[i];
            _principals[i] = loaded.Principals[user];
            _users[i] = loaded.Model.UserIds[user];
            _objects[i] = loaded.Model.RecordObjects[workload.RecordCheckObject[i]];
            _records[i] = loaded.Model.RecordId(workload.RecordCheckObject[i], workload.RecordCheckRecord[i]);
            _resolved[i] = _snapshot.GetObject(_objects[i]);
        }
    }

    /// <summary>Checks on principals resolved beforehand.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int CheckRecord()
    {
        AccessPrincipal[] principals = _principals;
        int allowed = 0;
        for (int i = 0; i < principals.Length; i++)
        {
            if (principals[i].CheckRecord(_objects[i], _records[i], RecordOperation.Read).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }

    /// <summary>Resolving the principal with <see cref="AccessSnapshot.GetPrincipal"/> for every check.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int GetPrincipalAndCheckRecord()
    {
        UserId[] users = _users;
        int allowed = 0;
        for (int i = 0; i < users.Length; i++)
        {
            if (_snapshot.GetPrincipal(users[i], LoadedWorkload.Now).CheckRecord(_objects[i], _records[i], RecordOperation.Read).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }

    /// <summary>Checks on principals and objects resolved beforehand (<see cref="AccessSnapshot.GetObject"/>).</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int CheckRecordResolved()
    {
        AccessPrincipal[] principals = _principals;
        AccessObject[] resolved = _resolved;
        int allowed = 0;
        for (int i = 0; i < principals.Length; i++)
        {
            if (principals[i].CheckRecord(in resolved[i], _records[i], RecordOperation.Read).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }
}
