using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary><c>efcore-scale [--records N] [--roles R] [--users U] [--runs N] [--count-work-mem MB] [--data-dir DIR [--reuse]] [--keep-server-memory]</c>: the data of
/// <c>efcore-page</c> at database scale (default 10,000,000 records, 30,000,000 rights), the object kept in the database
/// (issue 19): for a user with about 10 and one with about 300 effective roles, a page of 50 readable records through
/// <c>WhereAccessible</c> (p50, p99), the count of readable records (once, <c>work_mem</c> raised for that query only),
/// the database check of one record and of a page of 50 ids through <see cref="EntityRecordRightReader"/> (p50, p99), and
/// the plans.</summary>
internal static partial class EfCorePageCommand
{
    public static async Task<int> RunScaleAsync(string[] args)
    {
        if (PageArguments.Parse("efcore-scale", args, records: 10_000_000, runs: 50, scale: true) is not { } arguments)
        {
            return 2;
        }

        await using PageDatabase database = await PageDatabase.OpenAsync(arguments);
        int records = arguments.Records, runs = arguments.Runs, countWorkMem = arguments.CountWorkMem;
        (AccessSnapshot snapshot, UserId few, UserId many) = Model(arguments.Roles);
        var options = new DbContextOptionsBuilder<PageContext>().UseNpgsql(database.DataSource).Options;
        RecordId[] ids = [.. Enumerable.Range(1, 50).Select(i => new RecordId(Md5Guid("record" + (i * 7919 % records + 1))))];
        foreach ((string name, UserId user) in Users(few, many))
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, s_now);
            await using var db = new PageContext(options);
            IQueryable<PageOpportunity> readable = db.Opportunities.AsNoTracking().WhereAccessible(principal, RecordOperation.Read);
            IQueryable<PageOpportunity> page = readable.OrderBy(o => o.Name).Take(50);
            Console.WriteLine();
            Console.WriteLine($"## user with {principal.EffectiveRoles.Count} effective roles ({name}), load average {PageDatabase.LoadAverage()}");
            await TimePagesAsync(db, page, runs, warmUp: 5);

            var reader = new EntityRecordRightReader(db);
            int allowed = 0;
            List<double> singles = await TimeAsync(runs, warmUp: 5, async () => allowed = (await principal.CheckRecordAsync(reader, "Opportunity", ids[0], RecordOperation.Read)).IsAllowed ? 1 : 0);
            Console.WriteLine($"database check, 1 record  allowed {allowed}, p50 {Percentile(singles, 0.50):N2} ms, p99 {Percentile(singles, 0.99):N2} ms ({singles.Count} runs)");
            List<double> checks = await TimeAsync(runs, warmUp: 5, async () => allowed = (await principal.CheckRecordsAsync(reader, "Opportunity", ids, RecordOperation.Read)).Count(d => d.IsAllowed));
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
}
