using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary>What a change costs until checks see it, on the full reference workload: a membership, an object's rows,
/// a record share.</summary>
/// <remarks>Each invocation applies one change and its inverse alternately, so the model does not drift. Importing and
/// exporting the whole model is in <see cref="PolicyJsonBenchmarks"/>.</remarks>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5, invocationCount: 32)]
public class AdministrationBenchmarks
{
    private AccessAdministration _administration = null!;
    private AccessEvaluator _evaluator = null!;
    private RoleMembership _membership = null!;
    private ObjectName _object;
    private IReadOnlyList<ObjectOperationRow> _rows = [];
    private RecordRightRow _share = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        LoadedWorkload loaded = LoadedWorkload.Load("full");
        _evaluator = new AccessEvaluator(loaded.Snapshot);
        _administration = new AccessAdministration(_evaluator);
        AccessModel model = loaded.Snapshot.Model;
        RoleMembership existing = model.Memberships[0];
        _membership = new RoleMembership(existing.User, loaded.Model.RoleIds[1364]);
        _object = loaded.Model.OperationObjects[1];
        _rows = [.. model.ObjectOperationRows.Where(r => r.Object == _object)];
        _share = new RecordRightRow(loaded.Model.RecordObjects[0], loaded.Model.RecordId(0, 0), loaded.Model.RoleIds[7], RecordOperation.Edit, RecordRightLevel.Allow);
    }

    /// <summary>Adding or removing one user's membership in a role.</summary>
    [Benchmark(Baseline = true)]
    public long MembershipChange() => Apply(_flip ? new RemoveMembership(_membership) : new AddMembership(_membership));

    /// <summary>Replacing one object's operation rows (with the same rows reversed in position, then back).</summary>
    [Benchmark]
    public long ObjectRowsChange() => Apply(new SetObjectOperationRows(
        _object,
        _flip ? _rows : [.. _rows.Select((r, i) => r with { Position = _rows.Count - 1 - i })]));

    /// <summary>Sharing or unsharing one record.</summary>
    [Benchmark]
    public long RecordShare() => Apply(_flip
        ? new UnshareRecord(_share.Object, _share.Record, _share.Grantee, _share.Operation)
        : new ShareRecord(_share));

    private long Apply(AccessChange change)
    {
        _flip = !_flip;
        AccessChangeResult result = _administration.ApplyAsync(AccessActor.System, change).AsTask().GetAwaiter().GetResult();
        return result.IsApplied ? result.Version : throw new InvalidOperationException(result.Message);
    }
}
