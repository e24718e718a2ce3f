using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary><c>efcore-page [--records N] [--roles R] [--users U] [--runs N] [--work-mem MB] [--data-dir DIR [--reuse]] [--keep-server-memory]</c>:
/// a PostgreSQL with N opportunities and 3N record rights generated in the database (<see cref="PageDatabase"/>), then, for a user with about
/// 10 and one with about 300 effective roles, the time of a page of 50 readable records by name through
/// <c>WhereAccessible</c> (p50, p99), of counting the readable records, and the query plans.</summary>
internal static partial class EfCorePageCommand
{
    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        if (PageArguments.Parse("efcore-page", args, records: 10_000, runs: 200, scale: false) is not { } arguments)
        {
            return 2;
        }

        await using PageDatabase database = await PageDatabase.OpenAsync(arguments);
        (AccessSnapshot snapshot, UserId few, UserId many) = Model(arguments.Roles);
        // work_mem bounds the hash of rights PostgreSQL may build for EXISTS (a "hashed SubPlan"); above it, each row probes.
        await using NpgsqlDataSource queries = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Options = arguments.WorkMem > 0 ? $"-c work_mem={arguments.WorkMem}MB" : null,
        }.ConnectionString);
        Console.WriteLine($"work_mem {(arguments.WorkMem > 0 ? $"{arguments.WorkMem} MB" : "the server's default (4 MB)")}");
        var options = new DbContextOptionsBuilder<PageContext>().UseNpgsql(queries).Options;
        foreach ((string name, UserId user) in Users(few, many))
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, s_now);
            await using var db = new PageContext(options);
            IQueryable<PageOpportunity> readable = db.Opportunities.AsNoTracking().WhereAccessible(principal, RecordOperation.Read);
            IQueryable<PageOpportunity> page = readable.OrderBy(o => o.Name).Take(50);
            Console.WriteLine();
            Console.WriteLine($"## user with {principal.EffectiveRoles.Count} effective roles ({name}), load average {PageDatabase.LoadAverage()}");
            await TimePagesAsync(db, page, arguments.Runs, warmUp: 10);
            int count = 0;
            List<double> counts = await TimeAsync(Math.Max(3, arguments.Runs / 20), warmUp: 1, async () => count = await readable.CountAsync());
            Console.WriteLine($"count                    {count:N0} readable, p50 {Percentile(counts, 0.50):N1} ms, max {counts.Max():N1} ms ({counts.Count} runs)");
            await ExplainAsync(db, page, "plan of the page");
            await ExplainAsync(db, readable.Select(o => o.Id), "plan of the count's rows");
        }

        return 0;
    }

    private static (string Name, UserId User)[] Users(UserId few, UserId many) => [("~10 roles", few), ("~300 roles", many)];

    /// <summary>Times a page (p50, p99 of the elapsed time from the call to the list) and the processor time and minor page
    /// faults of the server's backend per page, on one open connection.</summary>
    private static async Task TimePagesAsync(PageContext db, IQueryable<PageOpportunity> page, int runs, int warmUp)
    {
        ServerBackend backend = await ServerBackend.OpenAsync(db);
        (double cpu, long faults) = backend.Read();
        int rows = 0;
        List<double> pages = await TimeAsync(runs, warmUp, async () => rows = (await page.ToListAsync()).Count);
        (double cpuAfter, long faultsAfter) = backend.Read();
        Console.WriteLine($"page of 50 by name       {rows} rows, p50 {Percentile(pages, 0.50):N2} ms, p99 {Percentile(pages, 0.99):N2} ms ({pages.Count} runs); " +
            $"server processor {(cpuAfter - cpu) / (runs + warmUp):N1} ms and {(faultsAfter - faults) / (runs + warmUp):N0} minor page faults a page");
    }

    private static async Task<List<double>> TimeAsync(int runs, int warmUp, Func<Task> action)
    {
        var times = new List<double>();
        for (int run = 0; run < runs + warmUp; run++)
        {
            long t = Stopwatch.GetTimestamp();
            await action();
            if (run >= warmUp)
            {
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        return times;
    }

    /// <summary>Roles under All employees whose ids the generator derives; a user in 8 of them (10 effective roles with
    /// themselves and All employees) and one in 298 (300).</summary>
    private static (AccessSnapshot Snapshot, UserId Few, UserId Many) Model(int roles)
    {
        var builder = new AccessModelBuilder();
        for (int r = 0; r < roles; r++)
        {
            builder.Add(new RoleDefinition(new RoleId(Md5Guid("role" + r)), $"Role {r}", AdminUnitKind.Division, BuiltInRoles.AllEmployees));
        }

        var few = new UserId(Md5Guid("user1"));
        var many = new UserId(Md5Guid("user2"));
        builder.Add(new UserDefinition(few, "Few")).Add(new UserDefinition(many, "Many"));
        for (int r = 0; r < 8; r++)
        {
            builder.Add(new RoleMembership(few, new RoleId(Md5Guid("role" + (r * 97 % roles)))));
        }

        for (int r = 0; r < 298; r++)
        {
            builder.Add(new RoleMembership(many, new RoleId(Md5Guid("role" + (r * 6 % roles)))));
        }

        builder.Add(new ObjectDefinition("Opportunity") { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        return (AccessSnapshot.Compile(builder.Build()), few, many);
    }

    private static async Task ExplainAsync(PageContext db, IQueryable query, string title)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            Console.WriteLine($"{title}:");
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + LongArray().Replace(reader.GetString(0), m => $"'{{{m.Groups[1].Value}, … {m.Value.Count(c => c == ',') + 1} ids}}'::uuid[]"));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // PostgreSQL's md5(text)::uuid reads the 32 hex digits in order, as Guid.Parse does.
#pragma warning disable CA5351 // MD5 derives the generator's ids; it protects nothing.
    private static Guid Md5Guid(string text) => Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
#pragma warning restore CA5351

    private static double Percentile(List<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'\{([0-9a-f-]{36}),[^}]*\}'::uuid\[\]")]
    private static partial System.Text.RegularExpressions.Regex LongArray();
}
