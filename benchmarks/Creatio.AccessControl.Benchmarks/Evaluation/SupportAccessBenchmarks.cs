using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary>A support-session check beside the same ordinary check of the grantor, on the full reference workload.</summary>
/// <remarks>Each of the <see cref="Checks"/> checks is an operation check of <c>checks_ops.csv</c> asked by its user; for
/// the support side the same user is the grantor of an active grant with both modes cleared, so the overlay runs to
/// its end and returns the grantor's decision. Figures are per check.</remarks>
[MemoryDiagnoser]
public class SupportAccessBenchmarks
{
    private const int Checks = 1024;

    private AccessPrincipal[] _ordinary = [];
    private AccessPrincipal[] _support = [];
    private ObjectName[] _objects = [];
    private ObjectOperation[] _operations = [];

    [GlobalSetup]
    public void Setup()
    {
        var model = new ReferenceWorkloadModel(ReferenceWorkload.Load("full"));
        ReferenceWorkload workload = model.Workload;
        AccessModelBuilder builder = model.CreateBuilder();
        var grants = new Dictionary<int, SupportGrantId>();
        DateOnly today = DateOnly.FromDateTime(LoadedWorkload.Now.UtcDateTime);
        for (int i = 0; i < Checks; i++)
        {
            int user = workload.OpCheckUser[i];
            if (!grants.ContainsKey(user))
            {
                var grant = new SupportGrantId(Guid.NewGuid());
                grants.Add(user, grant);
                builder.Add(new SupportAccessGrant(grant, "benchmark", today, today.AddDays(5), model.UserIds[user], model.UserIds[user])
                {
                    DenyDataAccess = false,
                    DenyConfiguration = false,
                });
            }
        }

        AccessSnapshot snapshot = AccessSnapshot.Compile(builder.Build());
        _ordinary = new AccessPrincipal[Checks];
        _support = new AccessPrincipal[Checks];
        _objects = new ObjectName[Checks];
        _operations = new ObjectOperation[Checks];
        for (int i = 0; i < Checks; i++)
        {
            int user = workload.OpCheckUser[i];
            int operation = workload.OpCheckOperation[i];
            _ordinary[i] = snapshot.GetPrincipal(model.UserIds[user], LoadedWorkload.Now);
            _support[i] = snapshot.GetSupportPrincipal(grants[user], LoadedWorkload.Now);
            _objects[i] = model.OperationObjects[(workload.OpCheckObject[i] * 4) + operation];
            _operations[i] = ReferenceWorkloadModel.ToObjectOperation(operation);
        }
    }

    /// <summary>The grantor's own checks.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int OrdinaryCheck() => Run(_ordinary);

    /// <summary>The same checks in support sessions under the grantors' grants.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int SupportSessionCheck() => Run(_support);

    private int Run(AccessPrincipal[] principals)
    {
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
}
