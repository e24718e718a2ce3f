using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl.Benchmarks.Depth;

/// <summary><c>depth chain [levels (100000)] [users (100)]</c>, <c>depth managers [levels (2000)] [employees (5000)]</c> or
/// <c>depth workload [size (full)]</c>, optionally followed by <c>--breakdown</c>: builds one of <see cref="DepthModels"/>
/// (or the reference workload, for comparison), then reports the time and peak memory of compiling it and the time of
/// membership changes applied through the administration API.</summary>
/// <remarks>Run each shape in a process of its own: the peak working set is the process's. On a busy machine, compare the
/// processor times and the minimum.</remarks>
internal static class DepthCommand
{
    private const int Changes = 25;
    private const int WarmUpChanges = 20;

    public static int Run(string[] args)
    {
        bool breakdown = args.Contains("--breakdown");
        args = [.. args.Where(a => a != "--breakdown")];
        if (args.Length is < 1 or > 3 || args[0] is not ("chain" or "managers" or "workload"))
        {
            Console.Error.WriteLine("usage: depth chain [levels (100000)] [users (100)] | depth managers [levels (2000)] [employees (5000)] | depth workload [size (full)], then [--breakdown]");
            return 2;
        }

        AccessModelBuilder builder;
        List<(string What, UserId User, RoleId Role)> changes;
        if (args[0] == "workload")
        {
            // The membership change AdministrationBenchmarks makes.
            string size = args.Length > 1 ? args[1] : "full";
            var workload = new Workload.ReferenceWorkloadModel(Workload.ReferenceWorkload.Load(size));
            builder = workload.CreateBuilder();
            changes = [("membership", builder.Memberships[0].User, workload.RoleIds[Math.Min(1364, workload.RoleIds.Length - 1)])];
            Console.WriteLine($"workload {size}; runtime {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        }
        else
        {
            bool chain = args[0] == "chain";
            int levels = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : chain ? 100_000 : 2_000;
            int users = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : chain ? 100 : 5_000;
            builder = chain ? DepthModels.Chain(levels, users) : DepthModels.NestedManagers(levels, users);

            // Changes that reach every level: a user added to (then removed from) the deepest and the topmost role.
            changes =
            [
                ("membership, deepest", DepthModels.User(0), DepthModels.Role(levels - 1)),
                ("membership, topmost", DepthModels.User(0), DepthModels.Role(chain ? 0 : 1)),
            ];
            Console.WriteLine($"{args[0]}: {levels:N0} levels, {users:N0} {(chain ? "users" : "employees")}; runtime {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        }

        long start = Stopwatch.GetTimestamp();
        AccessModel model = builder.Build();
        Console.WriteLine($"  build (validate)   {Ms(Stopwatch.GetElapsedTime(start))}");

        if (breakdown)
        {
            Breakdown(model);
        }

        long before = GC.GetTotalMemory(forceFullCollection: true);
        long peakBefore = PeakWorkingSet();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan processor = ProcessorTime();
        start = Stopwatch.GetTimestamp();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        TimeSpan compile = Stopwatch.GetElapsedTime(start);
        processor = ProcessorTime() - processor;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        long heap = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"  compile            {Ms(compile)} (processor {Ms(processor)}), allocated {Mb(allocated)}, snapshot heap {Mb(heap)}, peak working set {Mb(PeakWorkingSet())} (before compiling {Mb(peakBefore)})");

        var evaluator = new AccessEvaluator(snapshot);
        var administration = new AccessAdministration(evaluator);
        foreach ((string what, UserId user, RoleId role) in changes)
        {
            Measure(administration, what, user, role);
        }

        Console.WriteLine($"  peak working set   {Mb(PeakWorkingSet())}");
        return 0;
    }

    /// <summary>Times the steps of compiling one after the other, through the internals the library shows this assembly.</summary>
    private static void Breakdown(AccessModel model)
    {
        Console.WriteLine("  breakdown (run twice: the first run includes compiling the code)");
        Steps(model);
        Steps(model);
    }

    private static void Steps(AccessModel model)
    {
        long start = Stopwatch.GetTimestamp();
        var units = new UnitTable(model);
        Console.WriteLine($"    unit table       {Ms(Stopwatch.GetElapsedTime(start))}");
        start = Stopwatch.GetTimestamp();
        EffectiveRoleTable roles = EffectiveRoleCompiler.Compile(model, units);
        Console.WriteLine($"    E(u)             {Ms(Stopwatch.GetElapsedTime(start))}");
        start = Stopwatch.GetTimestamp();
        var inverse = new SubjectsByUnit(roles);
        Console.WriteLine($"    inverse          {Ms(Stopwatch.GetElapsedTime(start))}");
        start = Stopwatch.GetTimestamp();
        TableCompiler.Compile(model, roles, inverse);
        Console.WriteLine($"    tables           {Ms(Stopwatch.GetElapsedTime(start))}");
    }

    private static void Measure(AccessAdministration administration, string what, UserId user, RoleId role)
    {
        // Warmed up first: the code a change runs is compiled again, optimized, after some thirty calls.
        var membership = new RoleMembership(user, role);
        var added = new List<double>(Changes);
        var removed = new List<double>(Changes);
        for (int i = 0; i < WarmUpChanges; i++)
        {
            Apply(administration, new AddMembership(membership), added);
            Apply(administration, new RemoveMembership(membership), removed);
        }

        added.Clear();
        removed.Clear();
        TimeSpan processor = ProcessorTime();
        for (int i = 0; i < Changes; i++)
        {
            Apply(administration, new AddMembership(membership), added);
            Apply(administration, new RemoveMembership(membership), removed);
        }

        processor = ProcessorTime() - processor;
        List<double> all = [.. added, .. removed];
        Console.WriteLine($"  {what,-18} {all.Count} changes: median {Median(all):F2} ms (add {Median(added):F2}, remove {Median(removed):F2}), min {all.Min():F2} ms, max {all.Max():F2} ms; processor {processor.TotalMilliseconds / all.Count:F2} ms per change");
    }

    private static void Apply(AccessAdministration administration, AccessChange change, List<double> times)
    {
        long start = Stopwatch.GetTimestamp();
        AccessChangeResult result = administration.ApplyAsync(AccessActor.System, change).AsTask().GetAwaiter().GetResult();
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (!result.IsApplied)
        {
            throw new InvalidOperationException($"{change} was refused: {result.Message}");
        }
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
}
