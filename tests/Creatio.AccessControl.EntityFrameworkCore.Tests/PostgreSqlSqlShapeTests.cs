using Creatio.AccessControl.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>The SQL the filter produces on PostgreSQL: the effective roles in one array parameter compared with
/// <c>= ANY</c>, EXISTS over the PostgreSQL package's rights table, no id inlined; and the answers on a real server.</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlSqlShapeTests(PostgreSqlServerFixture server, ITestOutputHelper output) : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await server.GetClassDatabaseAsync(GetType());
        using ShopContext context = Context();
        Shop.Seed(context);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private ShopContext Context() => new(ShopContext.Options(b => b.UseNpgsql(_connectionString)), "shop", Shop.Configure);

    [Fact]
    public void WhereAccessible_PostgreSql_PassesTheRolesAsOneArrayParameter()
    {
        using ShopContext context = Context();
        AccessPrincipal bob = Shop.Principal(Shop.Bob);
        IQueryable<Opportunity> query = context.Opportunities.WhereAccessible(bob, RecordOperation.Read).OrderBy(o => o.Name).Take(50);

        string sql = query.ToQueryString();
        output.WriteLine(sql);

        string[] parameters = [.. sql.Split('\n').Where(line => line.StartsWith("-- @", StringComparison.Ordinal))];
        string body = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith("-- @", StringComparison.Ordinal)));
        Assert.Single(parameters, p => p.Contains(Shop.Sales.Value.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, SqlShapeTests.Occurrences(body, "= ANY (@grantees)"));
        Assert.Contains("EXISTS (", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Shop.Sales.Value.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([Shop.Opportunity(1), Shop.Opportunity(2)], query.Select(o => o.Id).ToList().Order());
    }
}
