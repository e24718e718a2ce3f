using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Issue 19: the reader the database checks use reads a page of records and their rights in one SQL query.</summary>
public sealed class EntityRecordRightReaderTests : IDisposable
{
    private readonly SqliteConnection _connection = Open();
    private readonly CommandCounter _commands = new();

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    public void Dispose() => _connection.Dispose();

    private ShopContext Context(string key = "reader", Action<ModelBuilder>? configure = null)
    {
        DbContextOptions options = ShopContext.Options(builder => builder.UseSqlite(_connection).AddInterceptors(_commands));
        var context = new ShopContext(options, key, configure ?? Shop.Configure);
        if (configure is null)
        {
            Shop.Seed(context);
        }

        _commands.Count = 0;
        return context;
    }

    [Fact]
    public async Task ReadRecordsAsync_APage_OneQueryWithEachRecordAndItsRightsForTheOperation()
    {
        await using ShopContext context = Context();
        var reader = new EntityRecordRightReader(context);
        RecordId[] page = [new(Shop.Opportunity(1)), new(Shop.Opportunity(2)), new(Shop.Opportunity(4)), new(Shop.Opportunity(2)), new(Guid.NewGuid())];

        IReadOnlyList<StoredRecord> read = await reader.ReadRecordsAsync("Opportunity", RecordOperation.Read, page, CancellationToken.None);

        Assert.Equal(1, _commands.Count);
        Dictionary<RecordId, StoredRecord> byId = read.ToDictionary(r => r.Record.Id);
        Assert.Equal(3, byId.Count);
        Assert.Equal(new RecordDefinition("Opportunity", page[0], Shop.Ann, Shop.Ann), byId[page[0]].Record);
        Assert.Empty(byId[page[0]].Rights);
        Assert.Equal([new RecordRightRow("Opportunity", page[1], Shop.Sales, RecordOperation.Read, RecordRightLevel.Allow)], byId[page[1]].Rights);
        Assert.Empty(byId[page[2]].Rights);   // its right is for Edit
    }

    [Fact]
    public async Task ReadRecordsAsync_NonNullableAuthorAndSupportGrant_Read()
    {
        await using ShopContext context = Context();
        var reader = new EntityRecordRightReader(context);

        StoredRecord read = Assert.Single(await reader.ReadRecordsAsync("Invoice", RecordOperation.Edit, [new RecordId(Shop.Invoice(2))], CancellationToken.None));

        Assert.Equal(new RecordDefinition("Invoice", new RecordId(Shop.Invoice(2)), Shop.Ann, Shop.Ann) { CreatedInSupportGrant = Shop.Grant }, read.Record);
    }

    [Fact]
    public async Task ReadRecordsAsync_NoRecords_NoQuery()
    {
        await using ShopContext context = Context();

        IReadOnlyList<StoredRecord> read = await new EntityRecordRightReader(context).ReadRecordsAsync("Opportunity", RecordOperation.Read, [], CancellationToken.None);

        Assert.Empty(read);
        Assert.Equal(0, _commands.Count);
    }

    [Fact]
    public async Task ReadRecordsAsync_ObjectNotMapped_ThrowsNamingIt()
    {
        await using ShopContext context = Context();

        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new EntityRecordRightReader(context).ReadRecordsAsync("Lead", RecordOperation.Read, [new RecordId(Guid.NewGuid())], CancellationToken.None).AsTask());

        Assert.Equal("No entity of the Entity Framework Core model holds the records of `Lead`; map one with modelBuilder.HasAccessObject<TEntity>(\"Lead\", author, owner).", thrown.Message);
    }

    [Fact]
    public async Task ReadRecordsAsync_TwoEntitiesHoldTheObject_ThrowsNamingBoth()
    {
        await using ShopContext context = Context("twice", b => b
            .HasAccessObject<Opportunity>("Deal", o => o.CreatedById, o => o.OwnerId)
            .HasAccessObject<Invoice>("Deal", i => i.CreatedById, i => i.OwnerId));

        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new EntityRecordRightReader(context).ReadRecordsAsync("Deal", RecordOperation.Read, [new RecordId(Guid.NewGuid())], CancellationToken.None).AsTask());

        Assert.Equal("The entities 'Invoice', 'Opportunity' all hold the records of `Deal`; one entity must hold them, so that a record is read in one place.", thrown.Message);
    }

    [Fact]
    public async Task CheckRecordsAsync_ThroughTheReader_DecidesAsInMemory()
    {
        await using ShopContext context = Context();
        AccessModel kept = Creatio.AccessControl.Tests.Support.DatabaseKeptRecords.KeptInDatabase(Shop.Model, o => o.Name == "Opportunity");
        AccessSnapshot snapshot = AccessSnapshot.Compile(kept);
        RecordId[] page = [.. Enumerable.Range(1, 6).Select(n => new RecordId(Shop.Opportunity(n)))];

        foreach (UserId user in new[] { Shop.Ann, Shop.Bob, Shop.Eve, Shop.Carl })
        {
            IReadOnlyList<AccessDecision> decisions = await snapshot.GetPrincipal(user, Shop.Now).CheckRecordsAsync(new EntityRecordRightReader(context), "Opportunity", page, RecordOperation.Read);

            Assert.Equal(page.Select(id => Shop.Principal(user).CheckRecord("Opportunity", id, RecordOperation.Read).IsAllowed), decisions.Select(d => d.IsAllowed));
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
