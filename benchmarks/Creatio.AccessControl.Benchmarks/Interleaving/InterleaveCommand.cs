using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Creatio.AccessControl.Benchmarks.Interleaving;

/// <summary>Runs the benchmarks of one class in turns in one process: every round times each method for the same number of
/// calls, one after the other, so that a machine slowing down or speeding up weighs on every method alike.</summary>
/// <remarks>For comparing methods, or two builds run one after the other, on a machine whose speed drifts by more than the
/// difference being measured; BenchmarkDotNet measures each method in a process of its own, minutes apart. Reports the
/// minimum, first quartile and median of the rounds, per operation.</remarks>
internal static class InterleaveCommand
{
    private const int WarmUpRounds = 5;

    public static int Run(string[] args)
    {
        if (args.Length is < 1 or > 3)
        {
            Console.Error.WriteLine("usage: interleave <benchmark class> [rounds (40)] [calls per round (300)]");
            return 2;
        }

        Type? type = typeof(InterleaveCommand).Assembly.GetTypes().SingleOrDefault(t => t.Name == args[0]);
        if (type is null)
        {
            Console.Error.WriteLine($"no benchmark class named '{args[0]}'");
            return 2;
        }

        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
        int calls = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 300;
        object instance = Activator.CreateInstance(type)!;
        foreach (MethodInfo setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(instance, null);
        }

        MethodInfo[] methods = [.. type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null && m.ReturnType == typeof(int))];
        Func<int>[] bodies = [.. methods.Select(m => m.CreateDelegate<Func<int>>(instance))];
        int[] operations = [.. methods.Select(m => m.GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke)];
        var samples = methods.Select(_ => new List<double>(rounds)).ToArray();
        int sink = 0;
        for (int round = -WarmUpRounds; round < rounds; round++)
        {
            for (int m = 0; m < bodies.Length; m++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int call = 0; call < calls; call++)
                {
                    sink ^= bodies[m]();
                }

                if (round >= 0)
                {
                    samples[m].Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls / operations[m]);
                }
            }
        }

        GC.KeepAlive(sink);
        Console.WriteLine($"{type.Name}: {rounds} rounds of {calls} calls each, ns per operation");
        for (int m = 0; m < methods.Length; m++)
        {
            double[] sorted = [.. samples[m].Order()];
            Console.WriteLine($"  {methods[m].Name,-28} min {sorted[0],10:F2}   p25 {sorted[sorted.Length / 4],10:F2}   median {sorted[sorted.Length / 2],10:F2}");
        }

        return 0;
    }
}
