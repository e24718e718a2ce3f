using System.Diagnostics;
using Creatio.AccessControl.Benchmarks.Verification;
using Creatio.AccessControl.Benchmarks.Workload;
using Creatio.AccessControl.PostgreSql;
using Creatio.AccessControl.Testing.PostgreSql;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.PostgreSql;

/// <summary><c>postgres-load [--size full|tenth|hundredth] [--runs N]</c>: imports the reference workload into a throwaway
/// PostgreSQL, then times loading it back (<see cref="PostgreSqlAccessStore.LoadModelAsync"/>: binary COPY of every table and
/// validation) and compiling it, and checks the loaded snapshot's decisions against the workload's expected hashes.</summary>
internal static class PostgreSqlLoadCommand
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        string size = "full";
        int runs = 5;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--size" && i + 1 < args.Length)
            {
                size = args[++i];
            }
            else if (args[i] == "--runs" && i + 1 < args.Length)
            {
                runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: postgres-load [--size {string.Join('|', ReferenceWorkload.Sizes)}] [--runs N]");
                return 2;
            }
        }

        ReferenceWorkload workload = ReferenceWorkload.Load(size);
        var mapping = new ReferenceWorkloadModel(workload);
        AccessModel model = mapping.CreateBuilder().Build();
        Console.WriteLine($"workload           peerbench-rbac-v1 {size} ({workload.Directory})");
        Console.WriteLine($"runtime            {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");

        await using PostgreSqlServer server = await PostgreSqlServer.StartAsync();
        string database = await server.CreateDatabaseAsync("workload");
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(server.ConnectionStringFor(database));
        await PostgreSqlAccessSchema.MigrateAsync(dataSource);
        var store = new PostgreSqlAccessStore(dataSource);

        long start = Stopwatch.GetTimestamp();
        await store.ImportAsync(model);
        TimeSpan import = Stopwatch.GetElapsedTime(start);
        await using (NpgsqlCommand analyze = dataSource.CreateCommand("VACUUM ANALYZE"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        long rows = await CountRowsAsync(dataSource);
        Console.WriteLine($"import             {rows:N0} rows with binary COPY in {Ms(import)} (not load time)");

        var loads = new List<TimeSpan>();
        var compiles = new List<TimeSpan>();
        var reads = new List<TimeSpan>();
        AccessSnapshot? snapshot = null;
        for (int run = 0; run < runs; run++)
        {
            snapshot = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            TimeSpan processor = Process.GetCurrentProcess().TotalProcessorTime;
            start = Stopwatch.GetTimestamp();
            (AccessModelBuilder builder, _) = await store.ReadBuilderAsync(CancellationToken.None);
            TimeSpan read = Stopwatch.GetElapsedTime(start);
            AccessModel loaded = builder.Build();
            TimeSpan load = Stopwatch.GetElapsedTime(start);
            start = Stopwatch.GetTimestamp();
            snapshot = AccessSnapshot.Compile(loaded);
            TimeSpan compile = Stopwatch.GetElapsedTime(start);
            processor = Process.GetCurrentProcess().TotalProcessorTime - processor;
            loads.Add(load);
            compiles.Add(compile);
            reads.Add(read);
            Console.WriteLine($"run {run + 1}              read (COPY) {Ms(read)} + validate {Ms(load - read)}, compile {Ms(compile)}, total {Ms(load + compile)}; processor time {Ms(processor)}, load average {LoadAverage()}");
        }

        TimeSpan[] totals = [.. loads.Zip(compiles, (l, c) => l + c).Order()];
        Console.WriteLine($"median             read (COPY) {Ms(Median(reads))}, read + validate {Ms(Median(loads))}, compile {Ms(Median(compiles))}, total {Ms(totals[totals.Length / 2])} (best {Ms(totals[0])})");

        ObjectName[] opObjects = [.. workload.OpCheckObject.Select((obj, i) => mapping.OperationObjects[(obj * 4) + workload.OpCheckOperation[i]])];
        ObjectOperation[] opOperations = [.. workload.OpCheckOperation.Select(op => ReferenceWorkloadModel.ToObjectOperation(op))];
        ObjectName[] recordObjects = [.. workload.RecordCheckObject.Select(obj => mapping.RecordObjects[obj])];
        RecordId[] records = [.. workload.RecordCheckObject.Select((obj, i) => mapping.RecordId(obj, workload.RecordCheckRecord[i]))];
        CheckRunResult op = CheckRunner.Run(
            new ObjectCheckSource(snapshot!, mapping.UserIds, null, workload.OpCheckUser, opObjects, opOperations, s_now), workload.OpCheckExpected);
        CheckRunResult record = CheckRunner.Run(
            new RecordCheckSource(snapshot!, mapping.UserIds, null, workload.RecordCheckUser, recordObjects, records, s_now), workload.RecordCheckExpected);
        bool ok = op.Hash == workload.ExpectedOpHash && op.Mismatches == 0 && record.Hash == workload.ExpectedRecordHash && record.Mismatches == 0;
        Console.WriteLine($"decisions          op checks {op.Count:N0}, hash {op.Hash:x8} (manifest {workload.ExpectedOpHash:x8}); record checks {record.Count:N0}, hash {record.Hash:x8} (manifest {workload.ExpectedRecordHash:x8}) {(ok ? "OK" : "MISMATCH")}");
        return ok ? 0 : 1;
    }

    private static async Task<long> CountRowsAsync(NpgsqlDataSource dataSource)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT sum(n_live_tup)::bigint FROM pg_stat_user_tables WHERE schemaname = 'access_control' AND relname NOT IN ('SchemaVersion', 'AccessModelVersion')");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        TimeSpan[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:N0} ms";
}
