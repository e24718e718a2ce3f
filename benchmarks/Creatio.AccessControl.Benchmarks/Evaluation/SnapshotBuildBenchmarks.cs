using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary>The load time of the reference workload: <see cref="AccessModelBuilder.Build"/> (validation and the model)
/// and <see cref="AccessSnapshot.Compile(AccessModel, long)"/> (unit index and <c>E(u)</c>), together and apart.</summary>
/// <remarks>One operation takes up to seconds, so each iteration is a single call (monitoring strategy).</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SnapshotBuildBenchmarks
{
    private AccessModelBuilder _rows = new();
    private AccessModel _model = AccessModel.Empty;

    /// <summary>Gets or sets the workload size; <c>units</c> is the full workload's admin units, memberships and delegations
    /// alone (20,000 users, 1,756 roles): the effective-role workload of the foundation issue.</summary>
    [Params("units", "tenth", "full")]
    public string Size { get; set; } = "tenth";

    [GlobalSetup]
    public void Setup()
    {
        var workload = new ReferenceWorkloadModel(ReferenceWorkload.Load(Size == "units" ? "full" : Size));
        _rows = workload.CreateBuilder();
        if (Size == "units")
        {
            _rows.Objects.Clear();
            _rows.ObjectOperationRows.Clear();
            _rows.ColumnRightRows.Clear();
            _rows.Records.Clear();
            _rows.RecordRightRows.Clear();
            _rows.DefaultRecordRightRules.Clear();
            _rows.SystemOperationRows.Clear();
        }

        _model = _rows.Build();
    }

    [Benchmark(Baseline = true)]
    public AccessSnapshot BuildAndCompile() => AccessSnapshot.Compile(_rows.Build());

    [Benchmark]
    public AccessModel Build() => _rows.Build();

    [Benchmark]
    public AccessSnapshot Compile() => AccessSnapshot.Compile(_model);
}
