using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.Load;

/// <summary><c>load [--size full] [--processes 5] [--loads 2] [--modes default,tc0,loops]</c>: the load of the reference
/// workload (<see cref="AccessModelBuilder.Build"/> + <see cref="AccessSnapshot.Compile"/>) as a host's start does it,
/// the first load in a fresh process, phase by phase. Runs each mode in that many fresh processes one after the other and
/// prints the median of each phase, elapsed and processor time of its thread, for the first load and for the later loads
/// of the same process (code tiered up by then).</summary>
/// <remarks>Modes set the runtime's code generation for the whole process: <c>default</c>; <c>tc0</c>,
/// <c>DOTNET_TieredCompilation=0</c> (every method compiled optimized at its first call); <c>loops</c>,
/// <c>DOTNET_TC_QuickJitForLoops=0</c> (methods with loops compiled optimized at their first call, no on-stack
/// replacement); <c>pgo0</c>, <c>DOTNET_TieredPGO=0</c>. The difference between a mode's first load and the default's
/// is what unoptimized (tier-0 and on-stack-replacement) code costs the first load.</remarks>
internal static class LoadCommand
{
    private static readonly Dictionary<string, (string Name, string Value)[]> s_modes = new(StringComparer.Ordinal)
    {
        ["default"] = [],
        ["tc0"] = [("DOTNET_TieredCompilation", "0")],
        ["loops"] = [("DOTNET_TC_QuickJitForLoops", "0")],
        ["pgo0"] = [("DOTNET_TieredPGO", "0")],
    };

    public static int Run(string[] args)
    {
        string size = "full";
        int processes = 5;
        int loads = 2;
        string[] modes = ["default", "tc0", "loops"];
        bool child = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--size" && i + 1 < args.Length)
            {
                size = args[++i];
            }
            else if (args[i] == "--processes" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out processes) && processes > 0)
            {
                i++;
            }
            else if (args[i] == "--loads" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out loads) && loads > 0)
            {
                i++;
            }
            else if (args[i] == "--modes" && i + 1 < args.Length && args[i + 1].Split(',').All(s_modes.ContainsKey))
            {
                modes = args[++i].Split(',');
            }
            else if (args[i] == "--child")
            {
                child = true;
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: load [--size {string.Join('|', ReferenceWorkload.Sizes)}] [--processes N (5)] [--loads N (2)] [--modes {string.Join(',', s_modes.Keys)} (default,tc0,loops)]");
                return 2;
            }
        }

        return child ? LoadChild.Run(size, loads) : RunProcesses(size, processes, loads, modes);
    }

    private static int RunProcesses(string size, int processes, int loads, string[] modes)
    {
        Console.WriteLine($"date               {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine            {Environment.ProcessorCount} cores; .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"load average       {LoadAverage()} (before)");
        Console.WriteLine($"what               Build + Compile of peerbench-rbac-v1 {size}, {loads} loads in each of {processes} fresh processes per mode (processes one after the other, modes interleaved); medians");

        // Modes interleaved process by process, so that a burst of other work on the machine weighs on every mode alike.
        var results = modes.ToDictionary(m => m, _ => new List<LoadChild.Result[]>(), StringComparer.Ordinal);
        for (int p = 0; p < processes; p++)
        {
            foreach (string mode in modes)
            {
                LoadChild.Result[]? run = RunChild(size, loads, mode);
                if (run is null)
                {
                    return 1;
                }

                results[mode].Add(run);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  process {p + 1} {mode,-8} first load {run[0].Elapsed,6:F0} ms (processor {run[0].Processor,6:F0} ms){(run.Length > 1 ? $", last {run[^1].Elapsed,6:F0} ms (processor {run[^1].Processor,6:F0} ms)" : string.Empty)}"));
            }
        }

        // Columns: each mode's first load, then the default mode's last load (tiered up).
        var columns = new List<(string Title, Func<LoadChild.Result[], LoadChild.Result> Pick, List<LoadChild.Result[]> Runs)>();
        foreach (string mode in modes)
        {
            columns.Add(($"first load, {Describe(mode)}", r => r[0], results[mode]));
        }

        if (loads > 1)
        {
            columns.Add(($"load {loads} in one process, {Describe(modes[0])}", r => r[^1], results[modes[0]]));
        }

        Console.WriteLine();
        Console.WriteLine("Median elapsed ms (processor ms: of the process for the whole load, of the phase's thread for a phase); `records:` phases run on a second thread beside the `compile:` phases from effective roles on:");
        Console.WriteLine();
        Console.WriteLine($"| phase | {string.Join(" | ", columns.Select(c => c.Title))} |");
        Console.WriteLine($"|---|{string.Concat(columns.Select(_ => "---:|"))}");
        PrintRow("**load: Build + Compile**", columns.Select(c => (Median(c.Runs, r => c.Pick(r).Elapsed), Median(c.Runs, r => c.Pick(r).Processor))));
        PrintRow("Build", columns.Select(c => (Median(c.Runs, r => c.Pick(r).Build), double.NaN)));
        PrintRow("Compile", columns.Select(c => (Median(c.Runs, r => c.Pick(r).Compile), double.NaN)));
        foreach (string phase in results[modes[0]][0][0].Phases.Select(p => p.Name))
        {
            PrintRow(phase.StartsWith("records:", StringComparison.Ordinal) ? $"  {phase}" : phase, columns.Select(c => (
                Median(c.Runs, r => c.Pick(r).Phase(phase).Elapsed),
                Median(c.Runs, r => c.Pick(r).Phase(phase).Processor))));
        }

        Console.WriteLine();
        Console.WriteLine($"MiB allocated by each phase on its thread (median, {Describe(modes[0])}, first load): "
            + string.Join("; ", results[modes[0]][0][0].Phases.Select(p => p.Name).Distinct().Select(phase => string.Create(
                CultureInfo.InvariantCulture, $"{phase} {Median(results[modes[0]], r => r[0].Phase(phase).AllocatedMiB):F1}"))));

        PrintRow("allocated while loading (MiB)", columns.Select(c => (Median(c.Runs, r => c.Pick(r).AllocatedMiB), double.NaN)));
        PrintRow("managed heap above the input rows (MiB)", columns.Select(c => (Median(c.Runs, r => c.Pick(r).HeapMiB), double.NaN)));
        PrintRow("collections during the load: gen0 / gen1 / gen2", columns.Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"{Median(c.Runs, r => c.Pick(r).Gen0):F0} / {Median(c.Runs, r => c.Pick(r).Gen1):F0} / {Median(c.Runs, r => c.Pick(r).Gen2):F0}")));
        PrintRow("garbage collection pauses (ms)", columns.Select(c => (Median(c.Runs, r => c.Pick(r).GcPauses), double.NaN)));
        Console.WriteLine();
        Console.WriteLine($"load average       {LoadAverage()} (after)");
        return 0;
    }

    private static string Describe(string mode) => s_modes[mode] is { Length: > 0 } settings ? string.Join(' ', settings.Select(s => $"{s.Name}={s.Value}")) : "default";

    private static void PrintRow(string name, IEnumerable<string> cells) =>
        Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");

    private static void PrintRow(string name, IEnumerable<(double Elapsed, double Processor)> cells) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {string.Join(" | ", cells.Select(c => double.IsNaN(c.Processor) ? $"{c.Elapsed:F0}" : $"{c.Elapsed:F0} ({c.Processor:F0})"))} |"));

    private static double Median(List<LoadChild.Result[]> runs, Func<LoadChild.Result[], double> value)
    {
        double[] values = [.. runs.Select(value).Order()];
        return values.Length == 0 ? double.NaN : values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }

    private static LoadChild.Result[]? RunChild(string size, int loads, string mode)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(LoadCommand).Assembly.Location);
        }

        foreach (string arg in new[] { "load", "--child", "--size", size, "--loads", loads.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in s_modes[mode])
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"The {mode} process exited with {process.ExitCode}:\n{output}");
            return null;
        }

        return LoadChild.Parse(output);
    }

    private static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3)) : "unknown";
    }
}
