using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Benchmarks.Workload;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Times the internal steps of loading one after the other, to show where load time goes.</summary>
/// <remarks>It repeats what <see cref="AccessModelBuilder.Build"/> and <see cref="AccessSnapshot.Compile"/> do, through
/// the internals the library shows this assembly: validating the rows, copying them into the model, indexing the admin
/// units, computing <c>E(u)</c> and the object and record tables.</remarks>
internal static class LoadBreakdown
{
    public static void Report(ReferenceWorkloadModel workloadModel)
    {
        AccessModelBuilder rows = workloadModel.CreateBuilder();
        Console.WriteLine("load breakdown (each step run alone on a fresh row set):");

        AccessModelBuilder complete = rows.Build().ToBuilder();
        Step("ModelRows.From (the one copy)", () => ModelRows.From(complete).Users.Length);
        Step("AccessModelValidator.Validate", () => AccessModelValidator.Validate(ModelRows.From(complete)).Count);
        Step("AccessModel ctor (no copy)", () => new AccessModel(ModelRows.From(complete), new ModelIndex()).Users.Length);
        Step("AccessModelBuilder.Build (whole)", () => rows.Build().Users.Length);
        AccessModel model = complete.Build();
        UnitTable? units = null;
        Step("UnitTable (sort + frozen index)", () => (units = new UnitTable(model)).UnitCount);
        EffectiveRoleTable? roles = null;
        Step("EffectiveRoleCompiler.Compile", () => (roles = EffectiveRoleCompiler.Compile(model, units!)).SubjectCount);
        (_, FrozenDictionary<string, int> objectIndex, CompiledObject[] objects, _) = TableCompiler.Compile(model, roles!);
        HashSet<string> recordObjects = new(model.Records.Select(r => r.Object.Value), StringComparer.Ordinal);
        Step("TableCompiler.Compile (objects, records)", () => TableCompiler.Compile(model, roles!).Objects.Length);
        Step("  of which records (WithRecords, all)", () => TableCompiler.WithRecords(model, roles!, objectIndex, objects, recordObjects).Length);
    }

    private static void Step(string name, Func<int> step)
    {
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan processor = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        int result = step();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        processor = Process.GetCurrentProcess().TotalProcessorTime - processor;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {name,-40} {elapsed.TotalMilliseconds,7:F0} ms (processor {processor.TotalMilliseconds,5:F0} ms), allocated {allocated / (1024.0 * 1024.0),7:F1} MiB [{result}]"));
    }
}
