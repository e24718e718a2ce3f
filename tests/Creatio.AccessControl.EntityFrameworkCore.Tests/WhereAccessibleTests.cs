using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

public sealed class WhereAccessibleTests : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly ShopContext _context;

    public WhereAccessibleTests()
    {
        _connection.Open();
        _context = ShopContext.Sqlite(_connection, "shop", Shop.Configure);
        Shop.Seed(_context);
    }

    public void Dispose()
    {
        _context.Dispose();
        _connection.Dispose();
    }

    public static TheoryData<string, RecordOperation, int[]> Expected => new()
    {
        { "Ann", RecordOperation.Read, [1, 2] },         // author of 1; Sales may read 2; the Deny row on 3 grants nothing
        { "Ann", RecordOperation.Edit, [1, 4] },
        { "Ann", RecordOperation.Delete, [1] },
        { "Bob", RecordOperation.Read, [1, 2] },         // the manager of Sales holds Sales and Ann's authorship
        { "Bob", RecordOperation.Edit, [1, 4] },
        { "Eve", RecordOperation.Read, [5, 6] },         // author of 5 and 6
        { "Carl", RecordOperation.Read, [5] },           // a portal user sees what he owns
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void WhereAccessible_ConditionalFilter_ReturnsTheRecordsOfRightsAuthorsAndOwners(string name, RecordOperation operation, int[] expected)
    {
        AccessPrincipal principal = Shop.Principal(name switch { "Ann" => Shop.Ann, "Bob" => Shop.Bob, "Eve" => Shop.Eve, _ => Shop.Carl });

        List<Guid> ids = [.. _context.Opportunities.WhereAccessible(principal, operation).Select(o => o.Id)];

        Assert.Equal(expected.Select(Shop.Opportunity).Order(), ids.Order());
        Assert.All(ids, id => Assert.True(principal.CheckRecord("Opportunity", new RecordId(id), operation).IsAllowed));
    }

    [Theory]
    [InlineData((short)3)]
    [InlineData((short)-1)]
    public void WhereAccessible_RightWithALevelOutOfRange_NeverAllows(short level)
    {
        // Opportunity 3's Read row for Sales is Deny; a corrupt level in its place must not make it readable.
        EntityRecordRight row = _context.Set<EntityRecordRight>()
            .Single(r => r.RecordId == Shop.Opportunity(3) && r.Operation == (short)RecordOperation.Read);
        row.Level = level;
        _context.SaveChanges();

        List<Guid> ids = [.. _context.Opportunities.WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read).Select(o => o.Id)];

        Assert.Equal(new[] { 1, 2 }.Select(Shop.Opportunity).Order(), ids.Order());
    }

    [Fact]
    public void WhereAccessible_NonNullableAuthorAndOwner_FiltersToo()
    {
        List<Guid> ids = [.. _context.Invoices.WhereAccessible(Shop.Principal(Shop.Eve), RecordOperation.Read).Select(i => i.Id)];
        List<Guid> anns = [.. _context.Invoices.WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read).Select(i => i.Id)];

        Assert.Empty(ids);
        Assert.Equal([Shop.Invoice(1), Shop.Invoice(2)], anns.Order());
    }

    [Fact]
    public void WhereAccessible_SupportSessionUnderDataIsolation_KeepsTheRecordsCreatedInTheGrant()
    {
        AccessPrincipal session = Shop.Snapshot.GetSupportPrincipal(Shop.Grant, Shop.Now);

        List<Guid> ids = [.. _context.Invoices.WhereAccessible(session, RecordOperation.Read).Select(i => i.Id)];

        Assert.Equal([Shop.Invoice(2)], ids);
        Assert.True(session.CheckRecord("Invoice", new RecordId(Shop.Invoice(2)), RecordOperation.Read).IsAllowed);
        Assert.False(session.CheckRecord("Invoice", new RecordId(Shop.Invoice(1)), RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public void WhereAccessible_SupportSessionOnAnEntityWithoutAGrantProperty_ReturnsNothing()
    {
        AccessPrincipal session = Shop.Snapshot.GetSupportPrincipal(Shop.Grant, Shop.Now);
        Assert.NotNull(session.GetRecordFilter("Opportunity", RecordOperation.Read).CreatedInSupportGrant);

        Assert.Empty(_context.Opportunities.WhereAccessible(session, RecordOperation.Read).ToList());
    }

    [Fact]
    public void WhereAccessible_ObjectDeniedAtObjectLevel_ReturnsNothing()
    {
        using ShopContext context = ShopContext.Sqlite(_connection, "secret", b => b.HasAccessObject<Opportunity>("Secret", o => o.CreatedById, o => o.OwnerId));
        AccessPrincipal ann = Shop.Principal(Shop.Ann);
        Assert.Equal(RecordFilterKind.None, ann.GetRecordFilter("Secret", RecordOperation.Read).Kind);

        IQueryable<Opportunity> query = context.Opportunities.WhereAccessible(ann, RecordOperation.Read);

        Assert.Empty(query.ToList());
        Assert.Equal(0, query.Count());
    }

    [Fact]
    public void WhereAccessible_UnknownUser_ReturnsNothing()
    {
        AccessPrincipal nobody = Shop.Principal(new UserId(Guid.Parse("dddddddd-0000-0000-0000-000000000000")));

        Assert.Empty(_context.Opportunities.WhereAccessible(nobody, RecordOperation.Read).ToList());
    }

    [Fact]
    public void WhereAccessible_ObjectWithoutRecordPermissions_LeavesTheQueryUnchanged()
    {
        using ShopContext context = ShopContext.Sqlite(_connection, "lead", b => b.HasAccessObject<Opportunity>("Lead", o => o.CreatedById, o => o.OwnerId));
        IQueryable<Opportunity> query = context.Opportunities.Where(o => o.Name != "x");

        IQueryable<Opportunity> filtered = query.WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Edit);

        Assert.Same(query, filtered);
        Assert.Equal(6, filtered.Count());
    }

    [Fact]
    public void WhereAccessible_PagedAndCounted_GivesTheTotalsOfCheckingEveryRecord()
    {
        AccessPrincipal bob = Shop.Principal(Shop.Bob);
        IQueryable<Opportunity> query = _context.Opportunities.WhereAccessible(bob, RecordOperation.Edit);
        int expected = Enumerable.Range(1, 6).Count(n => bob.CheckRecord("Opportunity", new RecordId(Shop.Opportunity(n)), RecordOperation.Edit).IsAllowed);

        List<Guid> first = [.. query.OrderBy(o => o.Name).Take(1).Select(o => o.Id)];
        List<Guid> second = [.. query.OrderBy(o => o.Name).Skip(1).Take(1).Select(o => o.Id)];

        Assert.Equal(2, expected);
        Assert.Equal(expected, query.Count());
        Assert.Equal([Shop.Opportunity(1), Shop.Opportunity(4)], first.Concat(second));
    }

    [Fact]
    public void WhereAccessible_RecordFilter_IsTheSameAsThePrincipals()
    {
        AccessPrincipal ann = Shop.Principal(Shop.Ann);
        RecordFilter filter = ann.GetRecordFilter("Opportunity", RecordOperation.Read);

        Assert.Equal(
            _context.Opportunities.WhereAccessible(ann, RecordOperation.Read).Select(o => o.Id).ToList(),
            _context.Opportunities.WhereAccessible(filter).Select(o => o.Id).ToList());
    }
}
