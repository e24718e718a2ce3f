using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Issue 19: the writer the administration writes records kept in the database through, on SQLite.</summary>
public sealed class EntityRecordRightWriterTests : EntityRecordRightWriterCases, IDisposable
{
    private readonly SqliteRecordDatabase _database = new();

    protected override RecordDatabase Database => _database;

    public void Dispose() => _database.Dispose();
}

/// <summary>Issue 19: the writer on a real PostgreSQL, in the rights table the PostgreSQL package creates.</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlEntityRecordRightWriterTests(PostgreSqlServerFixture server) : EntityRecordRightWriterCases, IAsyncLifetime
{
    // xunit makes an instance per test; the class's database and its tables are made once.
    private static PostgreSqlRecordDatabase? s_database;

    protected override RecordDatabase Database => s_database!;

    public async Task InitializeAsync()
    {
        if (s_database is null)
        {
            string connectionString = await server.GetClassDatabaseAsync(GetType());
            s_database = await PostgreSqlRecordDatabase.CreateAsync(connectionString, server.CreateDataSource(connectionString));
        }

        await using RecordsContext context = s_database.Context("Deal");
        await context.Rights.ExecuteDeleteAsync();
        await context.Records.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The writer's cases, on each database.</summary>
public abstract class EntityRecordRightWriterCases
{
    private static readonly ObjectName s_deal = "Deal";
    private static readonly RecordId s_record = Ids.Record("deal 1");
    private static readonly AdminUnitId s_sales = Ids.Role("Sales");
    private static readonly AdminUnitId s_temp = Ids.Role("Temp");

    protected abstract RecordDatabase Database { get; }

    private RecordsContext Context() => Database.Context(s_deal);

    private static RecordRightRow Right(AdminUnitId grantee, RecordOperation operation, RecordRightLevel level = RecordRightLevel.Allow, RecordRightSource source = RecordRightSource.Manual) =>
        new(s_deal, s_record, grantee, operation, level, source);

    private async Task InsertAsync(Guid? author = null)
    {
        await using RecordsContext context = Context();
        context.Records.Add(new TestRecord { Id = s_record.Value, EntitySchemaName = s_deal.Value, CreatedById = author });
        await context.SaveChangesAsync();
    }

    private async Task<List<RecordRightRow>> RightsAsync()
    {
        await using RecordsContext context = Context();
        return [.. (await context.Rights.AsNoTracking().ToListAsync()).Select(r => new RecordRightRow(r.ObjectName, new RecordId(r.RecordId), new AdminUnitId(r.GranteeId), (RecordOperation)r.Operation, (RecordRightLevel)r.Level, (RecordRightSource)r.Source))];
    }

    [Fact]
    public async Task WriteAsync_PutAddAndRemove_LeaveTheRowsAsTheEditsSay()
    {
        await InsertAsync();
        await using RecordsContext context = Context();
        var writer = new EntityRecordRightWriter(context);

        await writer.WriteAsync(s_deal, [new AddRecordRightEdit(Right(s_sales, RecordOperation.Read, source: RecordRightSource.Default)), new AddRecordRightEdit(Right(s_temp, RecordOperation.Edit))], CancellationToken.None);
        await writer.WriteAsync(s_deal, [new PutRecordRightEdit(Right(s_sales, RecordOperation.Read, RecordRightLevel.AllowAndGrant)), new RemoveRecordRightEdit(s_deal, s_record, s_temp, RecordOperation.Edit)], CancellationToken.None);

        Assert.Equal([Right(s_sales, RecordOperation.Read, RecordRightLevel.AllowAndGrant)], await RightsAsync());
    }

    [Fact]
    public async Task WriteAsync_RemoveOfARightNotThere_ThrowsAndNothingOfTheWriteLands()
    {
        await InsertAsync();
        await using RecordsContext context = Context();
        var writer = new EntityRecordRightWriter(context);

        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(
            s_deal, [new AddRecordRightEdit(Right(s_sales, RecordOperation.Read)), new RemoveRecordRightEdit(s_deal, s_record, s_temp, RecordOperation.Edit)], CancellationToken.None).AsTask());

        Assert.Equal($"The right of `{s_temp}` to Edit record `{s_record}` of `Deal` is not in the database: another writer changed the record since it was read.", thrown.Message);
        Assert.Empty(await RightsAsync());
    }

    [Fact]
    public async Task WriteAsync_RecordWithoutARow_ThrowsNamingTheEntity()
    {
        await using RecordsContext context = Context();
        var writer = new EntityRecordRightWriter(context);

        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(
            s_deal, [new AddRecordRightEdit(Right(s_sales, RecordOperation.Read)), new PutRecordEdit(new RecordDefinition(s_deal, s_record, null, null))], CancellationToken.None).AsTask());

        Assert.Equal($"Record `{s_record}` of `Deal` has no row in the entity 'TestRecord': insert it before creating or re-owning it.", thrown.Message);
        Assert.Empty(await RightsAsync());
    }

    [Fact]
    public async Task WriteAsync_EditOfAnotherObject_ThrowsBeforeWritingAnything()
    {
        await InsertAsync();
        await using RecordsContext context = Context();
        var writer = new EntityRecordRightWriter(context);
        var foreign = new RecordRightRow("Lead", s_record, s_sales, RecordOperation.Read, RecordRightLevel.Allow);

        ArgumentException thrown = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(
            s_deal, [new AddRecordRightEdit(Right(s_sales, RecordOperation.Read)), new AddRecordRightEdit(foreign)], CancellationToken.None).AsTask());

        Assert.StartsWith("An edit names object `Lead`; every edit of the write must name `Deal`.", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(await RightsAsync());
    }

    [Fact]
    public async Task WriteAsync_PutRecord_SetsAuthorOwnerAndSupportGrant()
    {
        await InsertAsync();
        await using RecordsContext context = Context();
        var grant = new SupportGrantId(Ids.Guid("grant"));
        var record = new RecordDefinition(s_deal, s_record, Ids.User("Ann"), Ids.User("Bob")) { CreatedInSupportGrant = grant };

        await new EntityRecordRightWriter(context).WriteAsync(s_deal, [new PutRecordEdit(record)], CancellationToken.None);

        TestRecord stored = await context.Records.AsNoTracking().SingleAsync();
        Assert.Equal((Ids.User("Ann").Value, Ids.User("Bob").Value, grant.Value), (stored.CreatedById, stored.OwnerId, stored.SupportAccessGrantId));
    }

    [Fact]
    public async Task WriteAsync_InTheHostsTransaction_AFailureKeepsTheHostsWorkAndNothingOfTheWrite()
    {
        await using RecordsContext context = Context();
        await using (IDbContextTransaction transaction = await context.Database.BeginTransactionAsync())
        {
            context.Records.Add(new TestRecord { Id = s_record.Value, EntitySchemaName = s_deal.Value });
            await context.SaveChangesAsync();

            await Assert.ThrowsAsync<InvalidOperationException>(() => new EntityRecordRightWriter(context).WriteAsync(
                s_deal, [new AddRecordRightEdit(Right(s_sales, RecordOperation.Read)), new RemoveRecordRightEdit(s_deal, s_record, s_temp, RecordOperation.Read)], CancellationToken.None).AsTask());
            await transaction.CommitAsync();
        }

        Assert.Empty(await RightsAsync());
        await using RecordsContext check = Context();
        Assert.Equal(1, await check.Records.CountAsync());
    }

    [Fact]
    public async Task CreateRecord_HostInsertsItsRowThenCreatesInOneTransaction_RightsAreWhatTheFilterReads()
    {
        // The pattern the docs show: insert the entity, apply CreateRecord on the same context, commit.
        Org org = new Org().Organization("Head office", "All employees").Role("Sales", "Head office").User("Ann", "Sales").User("Hal", "Head office").User("Bob");
        org.Builder.Add(new ObjectDefinition(s_deal) { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        org.Builder.Add(new DefaultRecordRightRule(s_deal, org.Unit("Sales"), org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow));
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build()), new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var administration = new AccessAdministration(evaluator);
        UserId ann = org.UserId("Ann");

        await using RecordsContext context = Context();
        AccessAdministration scoped = administration.WithRecordRights(new EntityRecordRightReader(context), new EntityRecordRightWriter(context));
        await using (IDbContextTransaction transaction = await context.Database.BeginTransactionAsync())
        {
            context.Records.Add(new TestRecord { Id = s_record.Value, EntitySchemaName = s_deal.Value, CreatedById = ann.Value, OwnerId = ann.Value });
            await context.SaveChangesAsync();
            AccessChangeResult created = await scoped.ApplyAsync(AccessActor.ForUser(ann), new CreateRecord(new RecordDefinition(s_deal, s_record, ann, ann)));
            Assert.True(created.IsApplied, created.Message);
            await transaction.CommitAsync();
        }

        Assert.Equal([new RecordRightRow(s_deal, s_record, org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default)], await RightsAsync());
        AccessPrincipal hal = evaluator.GetPrincipal(org.UserId("Hal"));
        AccessPrincipal bob = evaluator.GetPrincipal(org.UserId("Bob"));
        await using RecordsContext read = Context();
        Assert.Equal([s_record.Value], await read.Records.WhereAccessible(hal, RecordOperation.Read).Select(r => r.Id).ToListAsync());
        Assert.Empty(await read.Records.WhereAccessible(bob, RecordOperation.Read).Select(r => r.Id).ToListAsync());
        Assert.False((await hal.CheckRecordAsync(new EntityRecordRightReader(read), s_deal, s_record, RecordOperation.Edit)).IsAllowed);
    }

    [Fact]
    public async Task ApplyBatchAsync_RecordDeletedBetweenReadAndWrite_RefusedAndNothingOfTheBatchLands()
    {
        // Another writer deletes the record's row after the batch was read and authorized: the owner update finds no row,
        // the writer rolls back the right it had already written, and the batch is refused.
        Org org = new Org().Role("Sales", "All employees").User("Ann", "Sales");
        org.Builder.Add(new ObjectDefinition(s_deal) { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build()), new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        UserId ann = org.UserId("Ann");
        await InsertAsync(ann.Value);
        await using RecordsContext context = Context();
        AccessAdministration administration = new AccessAdministration(evaluator)
            .WithRecordRights(new DeletingAfterReads(new EntityRecordRightReader(context), this), new EntityRecordRightWriter(context));
        AccessChange[] batch =
        [
            new ShareRecord(new RecordRightRow(s_deal, s_record, org.Unit("Sales"), RecordOperation.Read, RecordRightLevel.Allow)),
            new ChangeRecordOwner(s_deal, s_record, ann),
        ];

        AccessChangeResult result = await administration.ApplyBatchAsync(AccessActor.ForUser(ann), batch);

        Assert.Equal(AccessChangeRefusal.RecordStoreFailed, result.Refusal);
        Assert.Equal($"Writing the records of `Deal` failed: Record `{s_record}` of `Deal` has no row in the entity 'TestRecord': insert it before creating or re-owning it. Nothing was written.", result.Message);
        Assert.Empty(await RightsAsync());
    }

    private async Task DeleteRowAsync()
    {
        await using RecordsContext context = Context();
        await context.Records.ExecuteDeleteAsync();
    }

    /// <summary>Reads through the real reader, then deletes the record's row once the three reads of a batch are done, as
    /// another writer would between the batch's read and its write.</summary>
    private sealed class DeletingAfterReads(IRecordRightReader inner, EntityRecordRightWriterCases cases) : IRecordRightReader
    {
        private int _reads;

        public async ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
        {
            IReadOnlyList<StoredRecord> read = await inner.ReadRecordsAsync(objectName, operation, records, cancellationToken);
            if (++_reads == 3)
            {
                await cases.DeleteRowAsync();
            }

            return read;
        }
    }
}
