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
        using var administration = new AccessAdministration(evaluator);
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
        var membership = new RoleMembership(user, role);
        var times = new List<double>(2 * Changes);
        TimeSpan processor = ProcessorTime();
        for (int i = 0; i < Changes; i++)
        {
            foreach (AccessChange change in new AccessChange[] { new AddMembership(membership), new RemoveMembership(membership) })
            {
                long start = Stopwatch.GetTimestamp();
                AccessChangeResult result = administration.ApplyAsync(AccessActor.System, change).AsTask().GetAwaiter().GetResult();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!result.IsApplied)
                {
                    throw new InvalidOperationException($"{change} was refused: {result.Message}");
                }
            }
        }

        processor = ProcessorTime() - processor;
        times.Sort();
        Console.WriteLine($"  {what,-18} {2 * Changes} changes (add, remove): median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms; processor {processor.TotalMilliseconds / times.Count:F1} ms per change");
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
