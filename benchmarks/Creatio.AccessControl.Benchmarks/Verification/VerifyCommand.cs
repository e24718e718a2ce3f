using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary><c>verify [--size full|tenth|hundredth]</c>: loads the reference workload, reports load time and memory,
/// checks every user's <c>E(u)</c> against the workload's graph and every check against its expected answer.</summary>
internal static class VerifyCommand
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        string size = "full";
        bool breakdown = false;
        bool oracle = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--size" && i + 1 < args.Length)
            {
                size = args[++i];
            }
            else if (args[i] == "--breakdown")
            {
                breakdown = true;
            }
            else if (args[i] == "--oracle")
            {
                oracle = true;
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: verify [--size {string.Join('|', ReferenceWorkload.Sizes)}] [--breakdown] [--oracle]");
                return 2;
            }
        }

        long start = Stopwatch.GetTimestamp();
        ReferenceWorkload workload = ReferenceWorkload.Load(size);
        TimeSpan parse = Stopwatch.GetElapsedTime(start);
        var model = new ReferenceWorkloadModel(workload);
        long harnessHeap = GC.GetTotalMemory(forceFullCollection: true);
        long harnessPeak = PeakWorkingSet();

        Console.WriteLine($"workload           peerbench-rbac-v1 {size} ({workload.Directory})");
        Console.WriteLine($"runtime            {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"parse CSV          {Ms(parse)} (not load time)");
        Console.WriteLine($"harness            heap {Mb(harnessHeap)}, peak working set {Mb(harnessPeak)} (workload parsed, engine not loaded)");

        start = Stopwatch.GetTimestamp();
        AccessModelBuilder rows = model.CreateBuilder();
        TimeSpan convert = Stopwatch.GetElapsedTime(start);
        Console.WriteLine($"rows               {Ms(convert)} to create {Rows(rows)} rows (not load time)");
        GC.KeepAlive(rows);

        LoadResult load = model.Load();
        long loadedHeap = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"load               {Ms(load.LoadTime)} = Build {Ms(load.BuildTime)} + Compile {Ms(load.CompileTime)}, allocated {Mb(load.AllocatedBytes)}, processor time {Ms(load.ProcessorTime)}");
        Console.WriteLine($"memory             heap with model + snapshot {Mb(loadedHeap)} (+{Mb(loadedHeap - harnessHeap)} over harness), peak working set {Mb(PeakWorkingSet())}");

        if (breakdown)
        {
            LoadBreakdown.Report(model);
        }

        AccessSnapshot snapshot = load.Snapshot;
        AccessPrincipal[] principals = [.. model.UserIds.Select(u => snapshot.GetPrincipal(u, s_now))];
        int failures = VerifyEffectiveRoles(model, principals);

        ObjectName[] opObjects = [.. workload.OpCheckObject.Select((obj, i) => model.OperationObjects[(obj * 4) + workload.OpCheckOperation[i]])];
        ObjectOperation[] opOperations = [.. workload.OpCheckOperation.Select(op => ReferenceWorkloadModel.ToObjectOperation(op))];
        ObjectName[] recordObjects = [.. workload.RecordCheckObject.Select(obj => model.RecordObjects[obj])];
        RecordId[] records = [.. workload.RecordCheckObject.Select((obj, i) => model.RecordId(obj, workload.RecordCheckRecord[i]))];

        Console.WriteLine();
        Console.WriteLine("evaluator: checks in file order on one thread, one call each (AccessPrincipal.CheckObject / CheckRecord)");
        failures += Report("op checks, principal per check", workload.ExpectedOpHash, workload.ExpectedOpAllows, CheckRunner.Run(
            new ObjectCheckSource(snapshot, model.UserIds, null, workload.OpCheckUser, opObjects, opOperations, s_now), workload.OpCheckExpected));
        failures += Report("op checks, principal per user", workload.ExpectedOpHash, workload.ExpectedOpAllows, CheckRunner.Run(
            new ObjectCheckSource(snapshot, model.UserIds, principals, workload.OpCheckUser, opObjects, opOperations, s_now), workload.OpCheckExpected));
        failures += Report("record checks, principal per check", workload.ExpectedRecordHash, workload.ExpectedRecordAllows, CheckRunner.Run(
            new RecordCheckSource(snapshot, model.UserIds, null, workload.RecordCheckUser, recordObjects, records, s_now), workload.RecordCheckExpected));
        failures += Report("record checks, principal per user", workload.ExpectedRecordHash, workload.ExpectedRecordAllows, CheckRunner.Run(
            new RecordCheckSource(snapshot, model.UserIds, principals, workload.RecordCheckUser, recordObjects, records, s_now), workload.RecordCheckExpected));

        var resolved = new Dictionary<ObjectName, AccessObject>();
        AccessObject[] opResolved = [.. opObjects.Select(name => resolved.TryGetValue(name, out AccessObject o) ? o : resolved[name] = snapshot.GetObject(name))];
        Console.WriteLine("evaluator: objects resolved beforehand (AccessPrincipal.CheckObject(in AccessObject)), and FilterRecords one record per call");
        failures += Report("op checks, resolved object", workload.ExpectedOpHash, workload.ExpectedOpAllows, CheckRunner.Run(
            new ResolvedObjectCheckSource(principals, workload.OpCheckUser, opResolved, opOperations), workload.OpCheckExpected));
        failures += Report("record checks, FilterRecords", workload.ExpectedRecordHash, workload.ExpectedRecordAllows, CheckRunner.Run(
            new FilterRecordsCheckSource(principals, workload.RecordCheckUser, recordObjects, records), workload.RecordCheckExpected));

        if (oracle)
        {
            failures += RunOracle(model, snapshot, principals);
        }

        Console.WriteLine();
        Console.WriteLine($"peak working set   {Mb(PeakWorkingSet())} at exit");
        Console.WriteLine(failures == 0 ? "VERIFY OK" : $"VERIFY FAILED ({failures} failing parts)");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Compares every user's <c>E(u)</c>, restricted to workload roles, with the naive transitive closure of
    /// <c>inherits.csv</c> and <c>user_roles.csv</c>.</summary>
    private static int VerifyEffectiveRoles(ReferenceWorkloadModel model, AccessPrincipal[] principals)
    {
        ReferenceWorkload w = model.Workload;
        var edges = new List<int>[w.RoleCount];
        for (int r = 0; r < edges.Length; r++)
        {
            edges[r] = [];
        }

        for (int i = 0; i < w.InheritFrom.Length; i++)
        {
            edges[w.InheritFrom[i]].Add(w.InheritTo[i]);
        }

        var held = new List<int>[w.UserCount];
        for (int u = 0; u < held.Length; u++)
        {
            held[u] = [];
        }

        for (int i = 0; i < w.UserRoleUser.Length; i++)
        {
            held[w.UserRoleUser[i]].Add(w.UserRoleRole[i]);
        }

        long start = Stopwatch.GetTimestamp();
        var expected = new HashSet<int>();
        var actual = new HashSet<int>();
        var stack = new Stack<int>();
        long restrictedTotal = 0;
        long fullTotal = 0;
        int restrictedMax = 0;
        int maxUser = 0;
        int wrongUsers = 0;
        for (int u = 0; u < w.UserCount; u++)
        {
            expected.Clear();
            foreach (int role in held[u])
            {
                if (expected.Add(role))
                {
                    stack.Push(role);
                }
            }

            while (stack.Count > 0)
            {
                foreach (int next in edges[stack.Pop()])
                {
                    if (expected.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            actual.Clear();
            EffectiveRoleSet set = principals[u].EffectiveRoles;
            int count = 0;
            foreach (AdminUnitId unit in set)
            {
                count++;
                if (model.RoleOfUnit.TryGetValue(unit, out int role))
                {
                    actual.Add(role);
                }
            }

            bool membershipAgrees = true;
            for (int r = 0; r < w.RoleCount; r++)
            {
                membershipAgrees &= principals[u].HasEffectiveRole(model.RoleIds[r]) == expected.Contains(r);
            }

            if (!actual.SetEquals(expected) || count != set.Count || !membershipAgrees)
            {
                if (wrongUsers++ < 5)
                {
                    Console.WriteLine($"  U{u}: expected {{{string.Join(", ", expected.Order().Select(w.RoleName))}}}, library {{{string.Join(", ", actual.Order().Select(w.RoleName))}}}");
                }
            }

            restrictedTotal += actual.Count;
            fullTotal += count;
            if (actual.Count > restrictedMax)
            {
                restrictedMax = actual.Count;
                maxUser = u;
            }
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        double mean = (double)restrictedTotal / w.UserCount;
        bool ok = wrongUsers == 0 && Math.Abs(mean - w.ExpectedEffectiveRolesMean) < 0.005 && restrictedMax == w.ExpectedEffectiveRolesMax;
        Console.WriteLine(
            $"E(u)               {w.UserCount} users checked against the naive closure in {Ms(elapsed)}: {wrongUsers} differ; "
            + $"mean {mean:F2} workload roles (manifest {w.ExpectedEffectiveRolesMean:F2}), max {restrictedMax} at U{maxUser} (manifest {w.ExpectedEffectiveRolesMax}); "
            + $"mean {(double)fullTotal / w.UserCount:F2} units with the user itself and All employees  {(ok ? "OK" : "MISMATCH")}");
        return ok ? 0 : 1;
    }

    /// <summary>Decides every check from the library's <c>E(u)</c> alone, in the harness, as a cross-check of the
    /// effective roles that does not go through the evaluator.</summary>
    private static int RunOracle(ReferenceWorkloadModel model, AccessSnapshot snapshot, AccessPrincipal[] principals)
    {
        ReferenceWorkload workload = model.Workload;
        int[][] opUnits = GrantedUnits(snapshot, model, workload.ObjectCount * 4, workload.GrantRole, i => (workload.GrantObject[i] * 4) + workload.GrantOperation[i]);
        int[] opKeys = [.. workload.OpCheckObject.Select((obj, i) => (obj * 4) + workload.OpCheckOperation[i])];
        int[][] recordUnits = GrantedUnits(snapshot, model, workload.ObjectCount * workload.RecordsPerObject, workload.RecordGrantRole, i => (workload.RecordGrantObject[i] * workload.RecordsPerObject) + workload.RecordGrantRecord[i]);
        int[] recordKeys = [.. workload.RecordCheckObject.Select((obj, i) => (obj * workload.RecordsPerObject) + workload.RecordCheckRecord[i])];

        Console.WriteLine();
        Console.WriteLine("E(u) oracle: each check decided by the harness as 'principal.HasUnit(g) for some unit g granted the key' (not the evaluator)");
        int failures = 0;
        failures += Report("op checks, principal per check", workload.ExpectedOpHash, workload.ExpectedOpAllows, CheckRunner.Run(
            new GrantListCheckSource(snapshot, model.UserIds, null, workload.OpCheckUser, opKeys, opUnits, s_now), workload.OpCheckExpected));
        failures += Report("op checks, principal per user", workload.ExpectedOpHash, workload.ExpectedOpAllows, CheckRunner.Run(
            new GrantListCheckSource(snapshot, model.UserIds, principals, workload.OpCheckUser, opKeys, opUnits, s_now), workload.OpCheckExpected));
        failures += Report("record checks, principal per check", workload.ExpectedRecordHash, workload.ExpectedRecordAllows, CheckRunner.Run(
            new GrantListCheckSource(snapshot, model.UserIds, null, workload.RecordCheckUser, recordKeys, recordUnits, s_now), workload.RecordCheckExpected));
        failures += Report("record checks, principal per user", workload.ExpectedRecordHash, workload.ExpectedRecordAllows, CheckRunner.Run(
            new GrantListCheckSource(snapshot, model.UserIds, principals, workload.RecordCheckUser, recordKeys, recordUnits, s_now), workload.RecordCheckExpected));
        return failures;
    }

    private static int[][] GrantedUnits(AccessSnapshot snapshot, ReferenceWorkloadModel model, int keyCount, int[] grantRole, Func<int, int> keyOf)
    {
        var lists = new List<int>[keyCount];
        for (int i = 0; i < grantRole.Length; i++)
        {
            if (!snapshot.TryGetUnit(model.RoleIds[grantRole[i]], out int unit))
            {
                throw new InvalidOperationException($"The snapshot does not know role {model.Workload.RoleName(grantRole[i])}.");
            }

            (lists[keyOf(i)] ??= []).Add(unit);
        }

        return [.. lists.Select(l => l is null ? [] : l.ToArray())];
    }

    private static int Report(string name, uint expectedHash, int expectedAllows, CheckRunResult result)
    {
        bool ok = result.Mismatches == 0 && result.Hash == expectedHash && result.Allows == expectedAllows;
        Console.WriteLine(
            $"  {name,-36} {result.Count} checks, {result.Allows} allowed, {result.Mismatches} mismatches, "
            + $"hash {result.Hash:x8} (manifest {expectedHash:x8}) {(ok ? "OK" : "MISMATCH")}");
        Console.WriteLine(
            $"  {string.Empty,-36} timed loop {result.ChecksPerSecond / 1e6:F2} M checks/s, p50 {result.P50Nanoseconds:F0} ns, "
            + $"p99 {result.P99Nanoseconds:F0} ns, max {result.MaxNanoseconds / 1000:F0} µs; untimed loop {result.UntimedChecksPerSecond / 1e6:F2} M checks/s "
            + $"({1e9 / result.UntimedChecksPerSecond:F1} ns/check)");
        return ok ? 0 : 1;
    }

    private static int Rows(AccessModelBuilder b) =>
        b.Users.Count + b.Roles.Count + b.Memberships.Count + b.FunctionalLinks.Count + b.Objects.Count
        + b.ObjectOperationRows.Count + b.Records.Count + b.RecordRightRows.Count;

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F0} ms");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):F1} MiB");
}
