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
    public static int Run(string[] args)
    {
        string size = "full";
        int rounds = 7;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--size" && i + 1 < args.Length)
            {
                size = args[++i];
            }
            else if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out rounds) && rounds > 0)
            {
                i++;
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: fileorder [--size {string.Join('|', ReferenceWorkload.Sizes)}] [--rounds N (7)]");
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
        start = Stopwatch.GetTimestamp();
        AnswerTable answers = AnswerTable.Build(model);
        var x = new FileOrderInputs(model, answers);
        Console.WriteLine($"baseline           answer table built from the workload's graph in {Ms(Stopwatch.GetElapsedTime(start))}: "
            + $"{Mb(answers.ObjectBits.Length * 8L)} of object answers, {Mb(answers.RecordBits.Length * 8L)} of record answers");

        int perObject = w.RecordsPerObject;
        Measured[] measured =
        [
            new("object, resolved principal + `AccessObject`", 2.0, x.OpUser.Length,
                new("library", () => FileOrderLoops.ObjectResolved(principals, operationObjects, x)),
                [new("answer bit, dense ids", () => FileOrderLoops.ObjectDense(answers, x))]),
            new("object, as a request does it: `evaluator.CheckObject(userGuid, name, op)`", 1.5, x.OpUser.Length,
                new("library", () => FileOrderLoops.ObjectByName(evaluator, x)),
                [new("user and name through dictionaries", () => FileOrderLoops.ObjectDictionaries(answers, x))]),
            new("record, resolved principal + `AccessObject`, record by `Guid`", 1.2, x.RecordUser.Length,
                new("library", () => FileOrderLoops.RecordResolved(principals, recordObjects, x)),
                [new("record through a `Dictionary<Guid,int>`", () => FileOrderLoops.RecordDictionary(answers, perObject, x)),
                 new("dense", () => FileOrderLoops.RecordDense(answers, x))]),
            new("record, as a request does it: `evaluator.CheckRecord(userGuid, name, recordGuid, Read)`", 1.2, x.RecordUser.Length,
                new("library", () => FileOrderLoops.RecordRequest(evaluator, x)),
                [new("user, name and record through dictionaries", () => FileOrderLoops.RecordDictionaries(answers, perObject, x))]),
            new("`GetPrincipal` + `FilterRecords`, page of 50 ids (per id)", 1.5, x.PageRecords.Length,
                new("library", () => FileOrderLoops.FilterPages(evaluator, x)),
                [new("user, name and records through dictionaries", () => FileOrderLoops.FilterPagesDictionaries(answers, perObject, x))]),
        ];

        // One warm-up round (tiering, caches), then rounds in which library and baseline alternate, which one goes first
        // alternating too.
        for (int round = -1; round < rounds; round++)
        {
            foreach (Measured m in measured)
            {
                if ((round & 1) == 0)
                {
                    m.Library.Run(m.Count, round >= 0);
                }

                foreach (Side baseline in m.Baselines)
                {
                    baseline.Run(m.Count, round >= 0);
                }

                if ((round & 1) != 0)
                {
                    m.Library.Run(m.Count, round >= 0);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"File order, one thread, medians of {rounds} interleaved rounds (ns per check; mismatches against the expected answers, every round):");
        Console.WriteLine();
        Console.WriteLine("| check | this library | limit in the same run | ratio | target | mismatches | bytes/check |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
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
                $"| {m.Name} | {library:F0} ns | {limits} | {ratios} | ≤ {m.Target:F1}× {(ratio <= m.Target ? "met" : "missed")} | "
                + $"{m.Library.Mismatches} (baseline {m.Baselines.Sum(b => b.Mismatches)}) | {m.Library.BytesPerCheck:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rounds (library ns/check, min … max): {string.Join("; ", measured.Select(m => $"{m.Library.Min:F0} … {m.Library.Max:F0}"))}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"throughput         object checks {1e3 / measured[1].Library.Median:F2} M/s by name, {1e3 / measured[0].Library.Median:F2} M/s resolved; "
            + $"record checks {1e3 / measured[3].Library.Median:F2} M/s as a request, {1e3 / measured[2].Library.Median:F2} M/s resolved"));

        Console.WriteLine();
        Console.WriteLine("administration changes, until a check through the evaluator sees them (median of 50 after 40 warm-up; min … max):");
        foreach ((string change, double median, double min, double max) in AdministrationTimes.Measure(model, evaluator))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {change,-60} {median,7:F3} ms ({min:F3} … {max:F3})   target < 1 ms"));
        }

        Console.WriteLine();
        Console.WriteLine($"load average       {LoadAverage()} (after)");
        GC.KeepAlive(principals);
        Console.WriteLine(ok ? "FILEORDER OK" : "FILEORDER FAILED (mismatches or allocations)");
        return ok ? 0 : 1;
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
    private sealed record Measured(string Name, double Target, int Count, Side Library, Side[] Baselines);

    /// <summary>One loop and its rounds' figures.</summary>
    private sealed class Side(string name, Func<long> loop)
    {
        private readonly List<double> _nanoseconds = [];
        private readonly List<double> _bytes = [];

        public string Name { get; } = name;

        public long Mismatches { get; private set; }

        public double Median => Sorted()[_nanoseconds.Count / 2];

        public double Min => Sorted()[0];

        public double Max => Sorted()[^1];

        public double BytesPerCheck => _bytes.Count == 0 ? 0 : _bytes.Max();

        public void Run(int count, bool record)
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            long mismatches = loop();
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Mismatches = Math.Max(Mismatches, mismatches);
            if (record)
            {
                _nanoseconds.Add(elapsed.TotalNanoseconds / count);
                _bytes.Add((double)allocated / count);
            }
        }

        private double[] Sorted() => [.. _nanoseconds.Order()];
    }
}
