using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.EntityFrameworkCore;
using Creatio.AccessControl.PostgreSql;
using Creatio.AccessControl.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary><c>efcore-scale [--records N] [--roles R] [--users U] [--runs N] [--count-work-mem MB]</c>: the data of
/// <c>efcore-page</c> at database scale (default 10,000,000 records, 30,000,000 rights), the object kept in the database
/// (issue 19): for a user with about 10 and one with about 300 effective roles, a page of 50 readable records through
/// <c>WhereAccessible</c> (p50, p99), the count of readable records (once, <c>work_mem</c> raised for that query only),
/// the database check of one record and of a page of 50 ids through <see cref="EntityRecordRightReader"/> (p50, p99), and
/// the plans.</summary>
internal static partial class EfCorePageCommand
{
    public static async Task<int> RunScaleAsync(string[] args)
    {
        int records = 10_000_000;
        int roles = 2_000;
        int users = 10_000;
        int runs = 50;
        int countWorkMem = 256;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--records": records = value; break;
                case "--roles": roles = value; break;
                case "--users": users = value; break;
                case "--runs": runs = value; break;
                case "--count-work-mem": countWorkMem = value; break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: efcore-scale [--records N] [--roles R] [--users U] [--runs N] [--count-work-mem MB]");
                    return 2;
            }
        }

        Console.WriteLine($"records {records:N0}, rights {3L * records:N0}; runtime {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        await using PostgreSqlServer server = await PostgreSqlServer.StartAsync();
        string connectionString = server.ConnectionStringFor(await server.CreateDatabaseAsync("efcore"));
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgreSqlAccessSchema.MigrateAsync(dataSource);
        long start = Stopwatch.GetTimestamp();
        await GenerateAsync(dataSource, records, roles, users);
        Console.WriteLine($"generated and indexed in {Stopwatch.GetElapsedTime(start).TotalSeconds:N1} s (setup), load average {LoadAverage()}");

        (AccessSnapshot snapshot, UserId few, UserId many) = Model(roles);
        var options = new DbContextOptionsBuilder<PageContext>().UseNpgsql(dataSource).Options;
        RecordId[] ids = [.. Enumerable.Range(1, 50).Select(i => new RecordId(Md5Guid("record" + (i * 7919 % records + 1))))];
        foreach ((string name, UserId user) in new[] { ("~10 roles", few), ("~300 roles", many) })
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, s_now);
            await using var db = new PageContext(options);
            IQueryable<PageOpportunity> readable = db.Opportunities.AsNoTracking().WhereAccessible(principal, RecordOperation.Read);
            IQueryable<PageOpportunity> page = readable.OrderBy(o => o.Name).Take(50);
            Console.WriteLine();
            Console.WriteLine($"## user with {principal.EffectiveRoles.Count} effective roles ({name}), load average {LoadAverage()}");
            int rows = 0;
            List<double> pages = await TimeAsync(runs, async () => rows = (await page.ToListAsync()).Count);
            Console.WriteLine($"page of 50 by name       {rows} rows, p50 {Percentile(pages, 0.50):N2} ms, p99 {Percentile(pages, 0.99):N2} ms ({pages.Count} runs)");

            var reader = new EntityRecordRightReader(db);
            int allowed = 0;
            List<double> singles = await TimeAsync(runs, async () => allowed = (await principal.CheckRecordAsync(reader, "Opportunity", ids[0], RecordOperation.Read)).IsAllowed ? 1 : 0);
            Console.WriteLine($"database check, 1 record  allowed {allowed}, p50 {Percentile(singles, 0.50):N2} ms, p99 {Percentile(singles, 0.99):N2} ms ({singles.Count} runs)");
            List<double> checks = await TimeAsync(runs, async () => allowed = (await principal.CheckRecordsAsync(reader, "Opportunity", ids, RecordOperation.Read)).Count(d => d.IsAllowed));
            Console.WriteLine($"database check, 50 ids    {allowed} allowed, p50 {Percentile(checks, 0.50):N2} ms, p99 {Percentile(checks, 0.99):N2} ms ({checks.Count} runs)");

            await ExplainAsync(db, page, "plan of the page");
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                string setWorkMem = "SET LOCAL work_mem = '" + countWorkMem.ToString(CultureInfo.InvariantCulture) + "MB'";   // an int: nothing to inject
                await db.Database.ExecuteSqlRawAsync(setWorkMem);
                long t = Stopwatch.GetTimestamp();
                int count = await readable.CountAsync();
                Console.WriteLine($"count (work_mem {countWorkMem} MB for it)  {count:N0} readable, {Stopwatch.GetElapsedTime(t).TotalMilliseconds:N0} ms (1 run)");
                await ExplainAsync(db, readable.Select(o => o.Id), "plan of the count's rows");
                await transaction.RollbackAsync();
            }
        }

        return 0;
    }

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        var times = new List<double>();
        for (int run = 0; run < runs + 5; run++)
        {
            long t = Stopwatch.GetTimestamp();
            await action();
            if (run >= 5)
            {
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        return times;
    }

#pragma warning disable CA5351 // MD5 derives the generator's ids; it protects nothing.
    private static Guid Md5Guid(string text) => Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
#pragma warning restore CA5351
}
