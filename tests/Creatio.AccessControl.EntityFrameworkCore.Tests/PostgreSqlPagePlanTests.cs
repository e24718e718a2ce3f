using System.Data.Common;
using Creatio.AccessControl.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>With the index that <c>docs/entity-framework-core.md</c> documents for a list page (the sort column, including
/// the key, author and owner), PostgreSQL serves the page of a user who may read few records from that index alone: it
/// walks the index in the page's order and filters the entries without reading the table (no heap fetch), and the page is
/// the first 50 readable records by name.</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlPagePlanTests(PostgreSqlServerFixture server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Records = 40_000;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync("pageplan");
        await using ShopContext context = Context();
        await context.Database.EnsureCreatedAsync();
        // Ann (in Sales) may read 1 record in 100 through a right of Sales; every record has two Read and one Edit right
        // of other roles, and authors and owners who are not Ann.
        string sales = Shop.Sales.Value.ToString();
        foreach (string statement in new[]
        {
            $"""
            INSERT INTO "Opportunities" ("Id", "Name", "CreatedById", "OwnerId")
                SELECT md5('record' || i)::uuid, 'Opportunity ' || md5('name' || i), md5('user' || (i % 500))::uuid, md5('user' || (i % 700))::uuid
                FROM generate_series(1, {Records}) AS i
            """,
            $"""
            INSERT INTO "SysEntityRecordRight" ("SubjectSchemaName", "RecordId", "SysAdminUnitId", "Operation", "RightLevel", "Source")
                SELECT 'Opportunity', md5('record' || i)::uuid,
                       CASE WHEN j = 0 AND i % 100 = 0 THEN '{sales}'::uuid ELSE md5('role' || ((i * 31 + j * 7) % 1000))::uuid END,
                       CASE WHEN j < 2 THEN 0 ELSE 1 END, 1, 0
                FROM generate_series(1, {Records}) AS i, generate_series(0, 2) AS j
            """,
            """CREATE INDEX "Opportunities_Name_Access_idx" ON "Opportunities" ("Name") INCLUDE ("Id", "CreatedById", "OwnerId")""",
            """CREATE INDEX ON "Opportunities" ("CreatedById")""",
            """CREATE INDEX ON "Opportunities" ("OwnerId")""",
            """VACUUM ANALYZE "Opportunities" """,
            """VACUUM ANALYZE "SysEntityRecordRight" """,
        })
        {
            await context.Database.ExecuteSqlRawAsync(statement);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private ShopContext Context() => new(ShopContext.Options(b => b.UseNpgsql(server.Server.ConnectionStringFor(_connectionString))), "shop", Shop.Configure);

    [Fact]
    public async Task WhereAccessible_PageOfAUserWhoReadsFew_IsServedFromTheDocumentedIndexAlone()
    {
        await using ShopContext context = Context();
        IQueryable<Opportunity> page = context.Opportunities.AsNoTracking()
            .WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read).OrderBy(o => o.Name).Take(50);

        string plan = await ExplainAsync(context, page);
        output.WriteLine(plan);

        Assert.Contains("Index Only Scan using \"Opportunities_Name_Access_idx\" on \"Opportunities\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on \"Opportunities\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Index Scan using \"Opportunities_Name_Access_idx\"", plan, StringComparison.Ordinal);
        Assert.Matches(@"Heap Fetches: 0\b", plan);
        Assert.Contains("Rows Removed by Filter", plan, StringComparison.Ordinal);

        var readable = (await context.Set<EntityRecordRight>().AsNoTracking()
            .Where(r => r.ObjectName == "Opportunity" && r.Operation == (short)RecordOperation.Read && r.GranteeId == Shop.Sales.Value && r.Level >= (short)RecordRightLevel.Allow)
            .Select(r => r.RecordId).ToListAsync()).ToHashSet();
        List<Opportunity> all = await context.Opportunities.AsNoTracking().ToListAsync();
        Guid[] expected = [.. all.Where(o => readable.Contains(o.Id)).OrderBy(o => o.Name, StringComparer.Ordinal).Take(50).Select(o => o.Id)];
        Assert.Equal(Records / 100, readable.Count);
        Assert.Equal(expected, (await page.ToListAsync()).Select(o => o.Id));
    }

    private static async Task<string> ExplainAsync(ShopContext context, IQueryable query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + command.CommandText;
        await context.Database.OpenConnectionAsync();
        try
        {
            var lines = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
