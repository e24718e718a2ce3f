using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Benchmarks.FileOrder;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.Load;

/// <summary>One process of <see cref="LoadCommand"/>: parses the workload, then loads it several times, printing each load
/// and its phases (<c>LoadPhases</c>, in the order they began) as lines the parent parses.</summary>
internal static class LoadChild
{
    public static int Run(string size, int loads)
    {
        var model = new ReferenceWorkloadModel(ReferenceWorkload.Load(size));
        AccessModelBuilder rows = model.CreateBuilder();
        long rowsHeap = GC.GetTotalMemory(forceFullCollection: true);
        var listener = new Listener();
        LoadPhases.Listener = listener;
        AccessSnapshot? kept = null;
        for (int load = 0; load < loads; load++)
        {
            // The previous load's tables are garbage now: collected before, so that no load pays for another's.
            kept = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            listener.Clear();
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            TimeSpan pauses = GC.GetTotalPauseDuration();
            TimeSpan processor = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            AccessModel built = rows.Build();
            long afterBuild = Stopwatch.GetTimestamp();
            AccessSnapshot snapshot = AccessSnapshot.Compile(built);
            long afterCompile = Stopwatch.GetTimestamp();
            processor = Process.GetCurrentProcess().TotalProcessorTime - processor;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            pauses = GC.GetTotalPauseDuration() - pauses;
            for (int g = 0; g < collections.Length; g++)
            {
                collections[g] = GC.CollectionCount(g) - collections[g];
            }
            kept = snapshot;
            long heap = GC.GetTotalMemory(forceFullCollection: true) - rowsHeap;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"LOAD\t{Stopwatch.GetElapsedTime(start, afterCompile).TotalMilliseconds:F1}\t{Stopwatch.GetElapsedTime(start, afterBuild).TotalMilliseconds:F1}\t"
                + $"{Stopwatch.GetElapsedTime(afterBuild, afterCompile).TotalMilliseconds:F1}\t{processor.TotalMilliseconds:F1}\t{allocated / 1048576.0:F1}\t{heap / 1048576.0:F1}\t{collections[0]}\t{collections[1]}\t{collections[2]}\t{pauses.TotalMilliseconds:F1}"));
            foreach ((string name, double elapsed, double threadProcessor, double phaseAllocated, int phaseCollections) in listener.Phases())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PHASE\t{name}\t{elapsed:F1}\t{threadProcessor:F1}\t{phaseAllocated:F1}\t{phaseCollections}"));
            }
        }

        GC.KeepAlive(kept);
        GC.KeepAlive(rows);
        LoadPhases.Listener = null;
        return 0;
    }

    /// <summary>Reads what <see cref="Run"/> printed: one result per load.</summary>
    public static Result[] Parse(string output)
    {
        var results = new List<Result>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.TrimEnd('\r').Split('\t');
            if (f[0] == "LOAD")
            {
                results.Add(new Result(D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8]), D(f[9]), D(f[10]), []));
            }
            else if (f[0] == "PHASE" && results.Count > 0)
            {
                results[^1].Phases.Add((f[1], D(f[2]), D(f[3]), D(f[4])));
            }
        }

        return [.. results];

        static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>One load: elapsed ms of it, of Build and of Compile, processor ms of the process, MiB allocated, MiB of heap
    /// above the input rows after it, the garbage collections of each generation during it and their pauses in ms, and its
    /// phases in the order they began (elapsed ms, processor ms of their thread).</summary>
    public sealed record Result(
        double Elapsed,
        double Build,
        double Compile,
        double Processor,
        double AllocatedMiB,
        double HeapMiB,
        double Gen0,
        double Gen1,
        double Gen2,
        double GcPauses,
        List<(string Name, double Elapsed, double Processor, double AllocatedMiB)> Phases)
    {
        /// <summary>A phase's times and MiB allocated on its thread, summed when it ran more than once; zeros when it did
        /// not run.</summary>
        public (double Elapsed, double Processor, double AllocatedMiB) Phase(string name)
        {
            (double elapsed, double processor, double allocated) = (0, 0, 0);
            foreach ((string n, double e, double p, double a) in Phases)
            {
                if (n == name)
                {
                    elapsed += e;
                    processor += p;
                    allocated += a;
                }
            }

            return (elapsed, processor, allocated);
        }
    }

    /// <summary>Collects phases from every thread.</summary>
    private sealed class Listener : ILoadPhaseListener
    {
        private readonly Lock _lock = new();
        private readonly List<(long Timestamp, long ThreadNanoseconds, long Allocated, int Collections)> _begun = [];
        private readonly List<(string Name, long Begun, double Elapsed, double Processor, double AllocatedMiB, int Collections)> _ended = [];

        public long Begin()
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            int collections = GC.CollectionCount(0);
            long timestamp = Stopwatch.GetTimestamp();
            long cpu = ThreadClock.Nanoseconds();
            lock (_lock)
            {
                _begun.Add((timestamp, cpu, allocated, collections));
                return _begun.Count - 1;
            }
        }

        public void End(string phase, long begun)
        {
            long cpu = ThreadClock.Nanoseconds();
            long timestamp = Stopwatch.GetTimestamp();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            int collections = GC.CollectionCount(0);
            lock (_lock)
            {
                (long startTimestamp, long startCpu, long startAllocated, int startCollections) = _begun[(int)begun];
                _ended.Add((phase, startTimestamp, Stopwatch.GetElapsedTime(startTimestamp, timestamp).TotalMilliseconds, (cpu - startCpu) / 1e6, (allocated - startAllocated) / 1048576.0, collections - startCollections));
            }
        }

        public void Clear()
        {
            lock (_lock)
            {
                _begun.Clear();
                _ended.Clear();
            }
        }

        public List<(string Name, double Elapsed, double Processor, double AllocatedMiB, int Collections)> Phases()
        {
            lock (_lock)
            {
                return [.. _ended.OrderBy(p => p.Begun).Select(p => (p.Name, p.Elapsed, p.Processor, p.AllocatedMiB, p.Collections))];
            }
        }
    }
}
