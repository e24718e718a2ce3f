using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>The filter reads, of the entity's own table, only the key, the author, the owner and (for a support session
/// under data isolation) the support grant column: an index on a page's sort column that includes those columns
/// (<c>docs/entity-framework-core.md</c>, "Indexes") then serves the page from the index alone, with no read of the table
/// for the rows the filter discards.</summary>
public sealed partial class FilterColumnsTests(ITestOutputHelper output)
{
    // The SQL is written, not run: the connection is never opened.
    private static ShopContext Context(SqliteConnection connection) => ShopContext.Sqlite(connection, "shop", Shop.Configure);

    [Theory]
    [InlineData(RecordOperation.Read)]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public void WhereAccessible_Conditional_ReadsOnlyTheKeyAuthorAndOwnerOfTheEntity(RecordOperation operation)
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        using ShopContext context = Context(connection);
        // Employees, a manager, and an external user where the portal lets them have the operation (Read only).
        foreach (UserId user in operation == RecordOperation.Read ? new[] { Shop.Ann, Shop.Bob, Shop.Carl } : [Shop.Ann, Shop.Bob])
        {
            Assert.Equal(RecordFilterKind.Conditional, Shop.Principal(user).GetRecordFilter("Opportunity", operation).Kind);
            string where = Where(context.Opportunities.WhereAccessible(Shop.Principal(user), operation).OrderBy(o => o.Name).Take(50).ToQueryString());

            Assert.Contains("\"SysEntityRecordRight\"", where, StringComparison.Ordinal);
            Assert.Equal(["CreatedById", "Id", "OwnerId"], Columns(where, "o"));
        }
    }

    [Fact]
    public void WhereAccessible_SupportSessionUnderDataIsolation_AlsoReadsTheSupportGrantColumn()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        using ShopContext context = Context(connection);
        AccessPrincipal session = Shop.Snapshot.GetSupportPrincipal(Shop.Grant, Shop.Now);

        string where = Where(context.Invoices.WhereAccessible(session, RecordOperation.Read).OrderBy(i => i.Id).Take(50).ToQueryString());

        Assert.Equal(["CreatedById", "Id", "OwnerId", "SupportAccessGrantId"], Columns(where, "i"));
    }

    private string Where(string sql)
    {
        output.WriteLine(sql);
        int where = sql.IndexOf("WHERE ", StringComparison.Ordinal);
        int orderBy = sql.LastIndexOf("ORDER BY ", StringComparison.Ordinal);
        Assert.True(where >= 0 && orderBy > where, "the query has a WHERE clause before its ORDER BY");
        return sql[where..orderBy];
    }

    /// <summary>The distinct columns of the outer entity's alias that a SQL fragment names, sorted.</summary>
    private static string[] Columns(string sql, string alias) =>
        [.. ColumnReference().Matches(sql).Where(m => m.Groups[1].Value == alias).Select(m => m.Groups[2].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex("\"(\\w+)\"\\.\"(\\w+)\"")]
    private static partial Regex ColumnReference();
}
