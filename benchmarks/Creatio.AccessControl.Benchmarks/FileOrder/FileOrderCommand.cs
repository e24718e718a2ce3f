using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.FileOrder;

/// <summary><c>fileorder [--size full|tenth|hundredth] [--rounds N]</c>: the headline benchmark. Loads the reference workload
/// through the public API, runs its check streams in file order on one thread, and beside each stream a precomputed-answer
/// baseline in the same process; rounds alternate library and baseline, and the medians of the rounds are reported with
/// their ratio, the mismatches against the expected answers and the bytes allocated per check. Then the load (build +
/// compile), the managed memory above the input rows and the time of administration changes.</summary>
/// <remarks>Each round runs a whole stream (a million checks) in one loop without a timer around each call, so the figures
/// include what one check leaves in the caches for the next one, as a server's checks do; BenchmarkDotNet, which repeats a
/// small operation until it is warm in the caches, is not needed for a loop this long.</remarks>
internal static class FileOrderCommand
{
    /// <summary>The slices each stream is cut in for alternating library and baseline.</summary>
    private const int Slices = 10;

    public static int Run(string[] args)
    {
        string size = "full";
        int rounds = 7;
        string? only = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--size" && i + 1 < args.Length)
            {
                size = args[++i];
            }
            else if (args[i] == "--only" && i + 1 < args.Length)
            {
                only = args[++i];
            }
            else if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out rounds) && rounds > 0)
            {
                i++;
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: fileorder [--size {string.Join('|', ReferenceWorkload.Sizes)}] [--rounds N (7)] [--only TEXT (the rows whose name contains it; no administration changes)]");
                return 2;
            }
        }

        Console.WriteLine($"date               {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine            {CpuModel()}, {Environment.ProcessorCount} cores; .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"load average       {LoadAverage()} (before)");

        long start = Stopwatch.GetTimestamp();
        var model = new ReferenceWorkloadModel(ReferenceWorkload.Load(size));
        ReferenceWorkload w = model.Workload;
        Console.WriteLine($"workload           peerbench-rbac-v1 {size}, parsed in {Ms(Stopwatch.GetElapsedTime(start))} (not load time)");

        // Load: Build + Compile of the rows, the input rows held apart so that the memory above them is what loading added.
        AccessModelBuilder rows = model.CreateBuilder();
        long rowsHeap = GC.GetTotalMemory(forceFullCollection: true);
        TimeSpan processor = ProcessorTime();
        start = Stopwatch.GetTimestamp();
        AccessModel built = rows.Build();
        long afterBuild = Stopwatch.GetTimestamp();
        AccessSnapshot snapshot = AccessSnapshot.Compile(built);
        long afterCompile = Stopwatch.GetTimestamp();
        processor = ProcessorTime() - processor;
        long loadedHeap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(rows);
        TimeSpan load = Stopwatch.GetElapsedTime(start, afterCompile);
        Console.WriteLine(
            $"load               {Ms(load)} = Build {Ms(Stopwatch.GetElapsedTime(start, afterBuild))} + Compile {Ms(Stopwatch.GetElapsedTime(afterBuild, afterCompile))}; "
            + $"processor time {Ms(processor)}   target < 1 s");
        Console.WriteLine($"memory             {Mb(loadedHeap - rowsHeap)} managed heap above the input rows ({Mb(rowsHeap)} with the rows)   target < 150 MB");

        var evaluator = new AccessEvaluator(snapshot);
        AccessPrincipal[] principals = [.. model.UserIds.Select(evaluator.GetPrincipal)];
        AccessObject[] operationObjects = [.. model.OperationObjects.Select(snapshot.GetObject)];
        AccessObject[] recordObjects = [.. model.RecordObjects.Select(snapshot.GetObject)];
        int[] userOfSubject = new int[principals.Max(p => p.Subject) + 1];
        for (int u = 0; u < principals.Length; u++)
        {
            userOfSubject[principals[u].Subject] = u;
        }
        start = Stopwatch.GetTimestamp();
        AnswerTable answers = AnswerTable.Build(model);
        var x = new FileOrderInputs(model, answers);
        Console.WriteLine($"baseline           answer table built from the workload's graph in {Ms(Stopwatch.GetElapsedTime(start))}: "
            + $"{Mb(answers.ObjectBits.Length * 8L)} of object answers, {Mb(answers.RecordBits.Length * 8L)} of record answers");

        int perObject = w.RecordsPerObject;
        Measured[] measured =
        [
            new("object, resolved principal + `AccessObject`", 2.0, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.ObjectResolved(principals, operationObjects, x, from, to)),
                [new("answer bit, dense ids", (from, to) => FileOrderLoops.ObjectDense(answers, x, from, to))]),
            new("object, as a request does it: `evaluator.CheckObject(userGuid, name, op)`", 1.5, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.ObjectByName(evaluator, x, from, to)),
                [new("user and name through dictionaries", (from, to) => FileOrderLoops.ObjectDictionaries(answers, x, from, to))]),
            new("record, resolved principal + `AccessObject`, record by `Guid`", 1.2, x.RecordUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.RecordResolved(principals, recordObjects, x, from, to)),
                [new("record through a `Dictionary<Guid,int>`", (from, to) => FileOrderLoops.RecordDictionary(answers, perObject, x, from, to)),
                 new("dense", (from, to) => FileOrderLoops.RecordDense(answers, x, from, to))]),
            new("record, as a request does it: `evaluator.CheckRecord(userGuid, name, recordGuid, Read)`", 1.2, x.RecordUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.RecordRequest(evaluator, x, from, to)),
                [new("user, name and record through dictionaries", (from, to) => FileOrderLoops.RecordDictionaries(answers, perObject, x, from, to))]),
            new("object by name, reading the clock on every call (the evaluator before issue 15)", 1.5, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.ObjectByNameReadingClock(evaluator, x, from, to)),
                [new("user and name through dictionaries", (from, to) => FileOrderLoops.ObjectDictionaries(answers, x, from, to))]),
            new("record as a request, reading the clock on every call (the evaluator before issue 15)", 1.2, x.RecordUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.RecordRequestReadingClock(evaluator, x, from, to)),
                [new("user, name and record through dictionaries", (from, to) => FileOrderLoops.RecordDictionaries(answers, perObject, x, from, to))]),
            new("part: `evaluator.GetPrincipal(userGuid)` alone (users of the object stream)", double.NaN, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.PrincipalAlone(evaluator, x, from, to)),
                [new("`Dictionary<Guid,int>`", (from, to) => FileOrderLoops.UserDictionaryAlone(answers, x, from, to))]),
            new("part: the resolved principals' array alone (`principals[user].IsKnown`, users of the object stream)", double.NaN, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.PrincipalArrayAlone(principals, x, from, to)),
                [new("answer bit, dense ids", (from, to) => FileOrderLoops.ObjectDense(answers, x, from, to))]),
            new("part: the object's answer bit alone, its subject read from the resolved principal (internal)", double.NaN, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.AnswerBitThroughPrincipal(principals, operationObjects, x, from, to)),
                [new("answer bit, dense ids", (from, to) => FileOrderLoops.ObjectDense(answers, x, from, to))]),
            new("part: the baseline's answer bit, its user read from the resolved principal", double.NaN, x.OpUser.Length, 1,
                new("baseline through the principal", (from, to) => FileOrderLoops.DenseThroughPrincipal(principals, userOfSubject, answers, x, from, to)),
                [new("answer bit, dense ids", (from, to) => FileOrderLoops.ObjectDense(answers, x, from, to))]),
            new("part: the user's slot alone (`AccessPrincipalIndex.Find`, internal)", double.NaN, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.SlotAlone(evaluator, x, from, to)),
                [new("`Dictionary<Guid,int>`", (from, to) => FileOrderLoops.UserDictionaryAlone(answers, x, from, to))]),
            new("part: `snapshot.GetPrincipal(userGuid, now)` alone", double.NaN, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.SnapshotPrincipalAlone(evaluator, x, from, to)),
                [new("`Dictionary<Guid,int>`", (from, to) => FileOrderLoops.UserDictionaryAlone(answers, x, from, to))]),
            new("part: `snapshot.GetObject(name)` alone (names of the object stream)", double.NaN, x.OpUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.ObjectAlone(evaluator, x, from, to)),
                [new("`Dictionary<string,int>`", (from, to) => FileOrderLoops.NameDictionaryAlone(answers, x, from, to))]),
            new("part: the record's slot and header alone (`CompiledRecords.Find`, internal)", double.NaN, x.RecordUser.Length, 1,
                new("library", (from, to) => FileOrderLoops.RecordFindAlone(recordObjects, x, from, to)),
                [new("`Dictionary<Guid,int>`", (from, to) => FileOrderLoops.RecordDictionaryAlone(answers, x, from, to))]),
            new("`GetPrincipal` + `FilterRecords`, page of 50 ids (per id)", 1.5, x.PageUserId.Length, FileOrderInputs.PageSize,
                new("library", (from, to) => FileOrderLoops.FilterPages(evaluator, x, from, to)),
                [new("user, name and records through dictionaries", (from, to) => FileOrderLoops.FilterPagesDictionaries(answers, perObject, x, from, to))]),
        ];

        if (only is not null)
        {
            measured = [.. measured.Where(m => m.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }

        // Tiering first: every loop called often enough on a few checks, with pauses for the background compiler, that
        // the rounds run its fully optimized (tier 1) code. Without this the rounds ran mostly the on-stack-replacement
        // variant a loop method gets while it has been called fewer than 30 times, which spills the inlined check to the
        // stack (`DOTNET_JitDisasm` shows `Tier1-OSR`): a server's checks, called from many requests, run tier 1 code.
        foreach (Measured m in measured)
        {
            m.WarmUpTiers();
        }

        long jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        RoundsStart();

        // One warm-up round (caches), then the rounds. Each stream is cut in slices of consecutive checks, and
        // library and baseline alternate slice by slice (which one goes first alternating too), so that a burst of other
        // work on the machine weighs on both alike; every slice is a sample.
        for (int round = -1; round < rounds; round++)
        {
            foreach (Measured m in measured)
            {
                for (int slice = 0; slice < Slices; slice++)
                {
                    int from = (int)((long)m.Count * slice / Slices);
                    int to = (int)((long)m.Count * (slice + 1) / Slices);
                    bool libraryFirst = ((round + slice) & 1) == 0;
                    if (libraryFirst)
                    {
                        m.Library.Run(from, to, m.IdsPerUnit, round >= 0);
                    }

                    foreach (Side baseline in m.Baselines)
                    {
                        baseline.Run(from, to, m.IdsPerUnit, round >= 0);
                    }

                    if (!libraryFirst)
                    {
                        m.Library.Run(from, to, m.IdsPerUnit, round >= 0);
                    }
                }
            }
        }

        long jittedDuring = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;

        Console.WriteLine();
        Console.WriteLine($"tiering            {jittedDuring} methods compiled during the warm-up round and the rounds (0: they ran the code compiled before)");
        Console.WriteLine();
        Console.WriteLine($"File order, one thread, {rounds} rounds of each whole stream in {Slices} slices, library and baseline alternating slice by slice; medians of the slices in elapsed ns per check, and in processor ns of the measuring thread{(ThreadClock.IsAvailable ? string.Empty : " (not available here)")}; mismatches against the expected answers over every round:");
        Console.WriteLine();
        Console.WriteLine("| check | this library | limit in the same run | ratio | target | processor time: library / limit, ratio | mismatches | bytes/check |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        bool ok = true;
        foreach (Measured m in measured)
        {
            double library = m.Library.Median;
            string limits = string.Join(" / ", m.Baselines.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Median:F0} ns ({b.Name})")));
            string ratios = string.Join(" / ", m.Baselines.Select(b => string.Create(CultureInfo.InvariantCulture, $"{library / b.Median:F1}×")));
            double ratio = library / m.Baselines[0].Median;
            long mismatches = m.Library.Mismatches + m.Baselines.Sum(b => b.Mismatches);
            ok &= mismatches == 0 && m.Library.BytesPerCheck == 0;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {m.Name} | {library:F0} ns | {limits} | {ratios} | {(double.IsNaN(m.Target) ? "—" : $"≤ {m.Target:F1}× {(ratio <= m.Target ? "met" : "missed")}")} | "
                + $"{m.Library.ProcessorMedian:F0} / {string.Join(" / ", m.Baselines.Select(b => b.ProcessorMedian.ToString("F0", CultureInfo.InvariantCulture)))} ns, "
                + $"{string.Join(" / ", m.Baselines.Select(b => (m.Library.ProcessorMedian / b.ProcessorMedian).ToString("F1", CultureInfo.InvariantCulture) + "×"))} | "
                + $"{m.Library.Mismatches} (baseline {m.Baselines.Sum(b => b.Mismatches)}) | {m.Library.BytesPerCheck:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slices (library ns/check, min … max): {string.Join("; ", measured.Select(m => $"{m.Library.Min:F0} … {m.Library.Max:F0}"))}"));
        if (only is null)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"throughput         object checks {1e3 / measured[1].Library.Median:F2} M/s by name, {1e3 / measured[0].Library.Median:F2} M/s resolved; "
                + $"record checks {1e3 / measured[3].Library.Median:F2} M/s as a request, {1e3 / measured[2].Library.Median:F2} M/s resolved (elapsed time)"));

            Console.WriteLine();
            Console.WriteLine("administration changes, until a check through the evaluator sees them (median of 50 after 40 warm-up; min … max):");
            foreach ((string change, double median, double min, double max) in AdministrationTimes.Measure(model, evaluator))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {change,-60} {median,7:F3} ms ({min:F3} … {max:F3})   target < 1 ms"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average       {LoadAverage()} (after)");
        GC.KeepAlive(principals);
        Console.WriteLine(ok ? "FILEORDER OK" : "FILEORDER FAILED (mismatches or allocations)");
        return ok ? 0 : 1;
    }

    /// <summary>Does nothing: its compilation marks where the rounds start in <c>DOTNET_JitStdOutFile</c> with
    /// <c>DOTNET_JitDisasmSummary=1</c>, so that what is compiled after it can be read.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RoundsStart()
    {
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        string? line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? "unknown processor" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3)) : "unknown";
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F0} ms");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):F1} MiB");

    /// <summary>One row of the table: the library's loop and the baselines it is set beside (the first one is the target's).</summary>
    /// <param name="Count">The calls of the stream: checks, or pages for the filters.</param>
    /// <param name="IdsPerUnit">The ids each call decides: 1, or the page size.</param>
    private sealed record Measured(string Name, double Target, int Count, int IdsPerUnit, Side Library, Side[] Baselines)
    {
        /// <summary>Calls every loop of the row 4 × 40 times on its first few calls, pausing between the batches for the
        /// background compiler: call counting starts after a pause, and tier 1 replaces a method after 30 counted calls.</summary>
        public void WarmUpTiers()
        {
            int to = Math.Min(Count, 64);
            for (int batch = 0; batch < 4; batch++)
            {
                for (int call = 0; call < 40; call++)
                {
                    Library.Run(0, to, IdsPerUnit, record: false);
                    foreach (Side baseline in Baselines)
                    {
                        baseline.Run(0, to, IdsPerUnit, record: false);
                    }
                }

                Thread.Sleep(150);
            }
        }
    }

    /// <summary>One loop and its rounds' figures.</summary>
    private sealed class Side(string name, Func<int, int, long> loop)
    {
        private readonly List<double> _nanoseconds = [];
        private readonly List<double> _processorNanoseconds = [];
        private readonly List<double> _bytes = [];

        public string Name { get; } = name;

        /// <summary>Gets the answers that differed from the expected ones, over every round.</summary>
        public long Mismatches { get; private set; }

        /// <summary>Gets the median elapsed ns per id over the slices.</summary>
        public double Median => MedianOf(_nanoseconds);

        /// <summary>Gets the median processor ns per id of the measuring thread over the slices.</summary>
        public double ProcessorMedian => MedianOf(_processorNanoseconds);

        public double Min => _nanoseconds.Min();

        public double Max => _nanoseconds.Max();

        public double BytesPerCheck => _bytes.Count == 0 ? 0 : _bytes.Max();

        public void Run(int from, int to, int idsPerUnit, bool record)
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long processor = ThreadClock.Nanoseconds();
            long start = Stopwatch.GetTimestamp();
            long mismatches = loop(from, to);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            processor = ThreadClock.Nanoseconds() - processor;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Mismatches += mismatches;
            if (record)
            {
                long ids = (long)(to - from) * idsPerUnit;
                _nanoseconds.Add(elapsed.TotalNanoseconds / ids);
                _processorNanoseconds.Add((double)processor / ids);
                _bytes.Add((double)allocated / ids);
            }
        }

        private static double MedianOf(List<double> values)
        {
            double[] sorted = [.. values.Order()];
            return sorted[sorted.Length / 2];
        }
    }
}
