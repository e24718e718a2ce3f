using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>The SQL the filter produces on SQLite: one query, the effective roles in one parameter read with json_each,
/// EXISTS over the rights table, no id inlined.</summary>
public sealed class SqlShapeTests(ITestOutputHelper output) : IDisposable
{
    private readonly SqliteConnection _connection = Open();

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void WhereAccessible_Sqlite_PassesTheRolesAsOneJsonParameter()
    {
        using ShopContext context = ShopContext.Sqlite(_connection, "shop", Shop.Configure);
        AccessPrincipal bob = Shop.Principal(Shop.Bob);

        string sql = context.Opportunities.WhereAccessible(bob, RecordOperation.Read).OrderBy(o => o.Name).Take(50).ToQueryString();
        output.WriteLine(sql);

        string[] parameters = [.. sql.Split('\n').Where(line => line.StartsWith(".param set", StringComparison.Ordinal))];
        string body = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param set", StringComparison.Ordinal)));
        Assert.Single(parameters, p => p.Contains(Shop.Sales.Value.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains("EXISTS (", body, StringComparison.Ordinal);
        Assert.Contains("\"SysEntityRecordRight\"", body, StringComparison.Ordinal);
        Assert.Contains("json_each(@grantees)", body, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(body, "json_each(@grantees)"));
        Assert.DoesNotContain(Shop.Sales.Value.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Shop.Ann.Value.ToString(), body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WhereAccessible_ObjectDenied_IsAFalseCondition()
    {
        using ShopContext context = ShopContext.Sqlite(_connection, "secret", b => b.HasAccessObject<Opportunity>("Secret", o => o.CreatedById, o => o.OwnerId));

        string sql = context.Opportunities.WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read).ToQueryString();
        output.WriteLine(sql);

        Assert.Contains("WHERE 0", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("SysEntityRecordRight", sql, StringComparison.Ordinal);
    }

    internal static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
