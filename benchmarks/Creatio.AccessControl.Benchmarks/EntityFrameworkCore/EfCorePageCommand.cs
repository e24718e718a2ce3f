using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.PostgreSql;
using Creatio.AccessControl.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary><c>efcore-page [--records N] [--roles R] [--users U] [--runs N] [--work-mem MB]</c>: a throwaway PostgreSQL with N opportunities
/// and 3N record rights generated in the database (the PostgreSQL package's table and indexes), then, for a user with about
/// 10 and one with about 300 effective roles, the time of a page of 50 readable records by name through
/// <c>WhereAccessible</c> (p50, p99), of counting the readable records, and the query plans.</summary>
internal static partial class EfCorePageCommand
{
    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        int records = 10_000;
        int roles = 2_000;
        int users = 10_000;
        int runs = 200;
        int workMem = 0;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--records": records = value; break;
                case "--roles": roles = value; break;
                case "--users": users = value; break;
                case "--runs": runs = value; break;
                case "--work-mem": workMem = value; break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: efcore-page [--records N] [--roles R] [--users U] [--runs N] [--work-mem MB]");
                    return 2;
            }
        }

        Console.WriteLine($"records {records:N0}, rights {3L * records:N0} (2 read, 1 edit per record, grantees among {roles:N0} roles), authors and owners among {users:N0} users");
        Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        await using PostgreSqlServer server = await PostgreSqlServer.StartAsync();
        string connectionString = server.ConnectionStringFor(await server.CreateDatabaseAsync("efcore"));
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgreSqlAccessSchema.MigrateAsync(dataSource);

        long start = Stopwatch.GetTimestamp();
        await GenerateAsync(dataSource, records, roles, users);
        Console.WriteLine($"generated and indexed in {Stopwatch.GetElapsedTime(start).TotalSeconds:N1} s (setup)");

        (AccessSnapshot snapshot, UserId few, UserId many) = Model(roles);
        // work_mem bounds the hash of rights PostgreSQL may build for EXISTS (a "hashed SubPlan"); above it, each row probes.
        await using NpgsqlDataSource queries = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Options = workMem > 0 ? $"-c work_mem={workMem}MB" : null,
        }.ConnectionString);
        Console.WriteLine($"work_mem {(workMem > 0 ? $"{workMem} MB" : "the server's default (4 MB)")}");
        var options = new DbContextOptionsBuilder<PageContext>().UseNpgsql(queries).Options;
        foreach ((string name, UserId user) in new[] { ("~10 roles", few), ("~300 roles", many) })
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, s_now);
            await using var db = new PageContext(options);
            IQueryable<PageOpportunity> readable = db.Opportunities.AsNoTracking().WhereAccessible(principal, RecordOperation.Read);
            IQueryable<PageOpportunity> page = readable.OrderBy(o => o.Name).Take(50);
            Console.WriteLine();
            Console.WriteLine($"## user with {principal.EffectiveRoles.Count} effective roles ({name})");

            var pages = new List<double>();
            int rows = 0;
            for (int run = 0; run < runs + 10; run++)
            {
                long t = Stopwatch.GetTimestamp();
                rows = (await page.ToListAsync()).Count;
                if (run >= 10)
                {
                    pages.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }

            var counts = new List<double>();
            int count = 0;
            for (int run = 0; run < Math.Max(3, runs / 20) + 1; run++)
            {
                long t = Stopwatch.GetTimestamp();
                count = await readable.CountAsync();
                if (run >= 1)
                {
                    counts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }

            Console.WriteLine($"page of 50 by name  {rows} rows, p50 {Percentile(pages, 0.50):N2} ms, p99 {Percentile(pages, 0.99):N2} ms ({pages.Count} runs)");
            Console.WriteLine($"count               {count:N0} readable, p50 {Percentile(counts, 0.50):N1} ms, max {counts.Max():N1} ms ({counts.Count} runs)");
            await ExplainAsync(db, page, "plan of the page");
            await ExplainAsync(db, readable.Select(o => o.Id), "plan of the count's rows");
        }

        return 0;
    }

    /// <summary>Fills the tables in SQL (no rows cross the wire): the rights table's indexes are dropped while it fills and
    /// built again as the PostgreSQL package defines them.</summary>
    private static async Task GenerateAsync(NpgsqlDataSource dataSource, int records, int roles, int users)
    {
        string sql = $"""
            SET search_path = access_control, public;
            CREATE TABLE public."Opportunities" ("Id" uuid PRIMARY KEY, "Name" text NOT NULL, "CreatedById" uuid NOT NULL, "OwnerId" uuid NOT NULL);
            INSERT INTO public."Opportunities"
                SELECT md5('record' || i)::uuid, 'Opportunity ' || md5('name' || i), md5('user' || ((i * 7) % {users}))::uuid, md5('user' || ((i * 13) % {users}))::uuid
                FROM generate_series(1, {records}) AS i;
            CREATE INDEX ON public."Opportunities" ("Name");
            CREATE INDEX ON public."Opportunities" ("CreatedById");
            CREATE INDEX ON public."Opportunities" ("OwnerId");
            DROP INDEX "IX_SysEntityRecordRight_Record";
            DROP INDEX "IX_SysEntityRecordRight_Grantee";
            INSERT INTO "SysEntityRecordRight" ("SubjectSchemaName", "RecordId", "SysAdminUnitId", "Operation", "RightLevel", "Source")
                SELECT 'Opportunity', md5('record' || i)::uuid, md5('role' || ((i::bigint * 2654435761 + j * 40503) % {roles}))::uuid,
                       CASE WHEN j < 2 THEN 0 ELSE 1 END, 1 + (i + j) % 2, 0
                FROM generate_series(1, {records}) AS i, generate_series(0, 2) AS j;
            CREATE INDEX "IX_SysEntityRecordRight_Record"
                ON "SysEntityRecordRight" ("SubjectSchemaName", "RecordId", "Operation", "SysAdminUnitId") INCLUDE ("RightLevel");
            CREATE INDEX "IX_SysEntityRecordRight_Grantee"
                ON "SysEntityRecordRight" ("SubjectSchemaName", "Operation", "SysAdminUnitId") INCLUDE ("RecordId", "RightLevel");
            VACUUM ANALYZE public."Opportunities";
            VACUUM ANALYZE "SysEntityRecordRight";
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        foreach (string statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Roles under All employees whose ids the generator derives; a user in 8 of them (10 effective roles with
    /// themselves and All employees) and one in 298 (300).</summary>
    private static (AccessSnapshot Snapshot, UserId Few, UserId Many) Model(int roles)
    {
        // PostgreSQL's md5(text)::uuid reads the 32 hex digits in order, as Guid.Parse does. MD5 derives ids here; it
        // protects nothing.
#pragma warning disable CA5351
        static Guid Md5(string text) => Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
#pragma warning restore CA5351
        var builder = new AccessModelBuilder();
        for (int r = 0; r < roles; r++)
        {
            builder.Add(new RoleDefinition(new RoleId(Md5("role" + r)), $"Role {r}", AdminUnitKind.Division, BuiltInRoles.AllEmployees));
        }

        var few = new UserId(Md5("user1"));
        var many = new UserId(Md5("user2"));
        builder.Add(new UserDefinition(few, "Few")).Add(new UserDefinition(many, "Many"));
        for (int r = 0; r < 8; r++)
        {
            builder.Add(new RoleMembership(few, new RoleId(Md5("role" + (r * 97 % roles)))));
        }

        for (int r = 0; r < 298; r++)
        {
            builder.Add(new RoleMembership(many, new RoleId(Md5("role" + (r * 6 % roles)))));
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

    private static double Percentile(List<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'\{([0-9a-f-]{36}),[^}]*\}'::uuid\[\]")]
    private static partial System.Text.RegularExpressions.Regex LongArray();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
