using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Creatio.AccessControl.Benchmarks.Workload;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Benchmarks;

/// <summary>Importing and exporting the whole full reference workload as a JSON policy document.</summary>
/// <remarks>One operation takes seconds, so each iteration is a single call (monitoring strategy).</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class PolicyJsonBenchmarks
{
    private AccessModel _model = AccessModel.Empty;
    private string _json = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _model = LoadedWorkload.Load("full").Snapshot.Model;
        _json = AccessPolicyJson.Serialize(_model);
    }

    /// <summary>Exporting the whole model as a JSON policy document.</summary>
    [Benchmark]
    public int ExportJson() => AccessPolicyJson.Serialize(_model).Length;

    /// <summary>Importing (parsing and validating) the whole model from a JSON policy document.</summary>
    [Benchmark]
    public int ImportJson() => AccessPolicyJson.Deserialize(_json, new AccessPolicyJsonOptions { MaxDocumentBytes = 1 << 30 }).Users.Length;
}
