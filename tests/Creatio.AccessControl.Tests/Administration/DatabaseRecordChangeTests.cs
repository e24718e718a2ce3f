using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Issue 19: administration changes to records an object keeps in the database are authorized with the database
/// checks, written through the record writer in one call, audited, and refused whole when they cannot land.</summary>
public sealed class DatabaseRecordChangeTests
{
    private static readonly ObjectName s_account = AdminHarness.Account;
    private static readonly RecordId s_new = Ids.Record("new");

    [Fact]
    public async Task ShareRecord_AuthorSharesTheirRecord_WritesTheRightWithoutPublishing()
    {
        Db db = Db.Create();
        Assert.False((await db.Principal("Bob").CheckRecordAsync(db.Host, s_account, AdminHarness.R1, RecordOperation.Edit)).IsAllowed);
        var right = new RecordRightRow(s_account, AdminHarness.R1, db.Org.UserId("Bob"), RecordOperation.Edit, RecordRightLevel.Allow, RecordRightSource.Manual);

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Alice"), new ShareRecord(right));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(db.Evaluator.Snapshot.Version, result.Version);
        Assert.Equal(1, db.Evaluator.Snapshot.Version);
        Assert.Contains(right, db.Host.Rights);
        AccessAuditEvent audit = Assert.Single(db.Sink.Events);
        Assert.Equal(AccessAuditEventType.RecordPermissions, audit.Type);
        Assert.True((await db.Principal("Bob").CheckRecordAsync(db.Host, s_account, AdminHarness.R1, RecordOperation.Edit)).IsAllowed);
    }

    [Fact]
    public async Task ShareRecord_ActorWithoutGrantRight_IsRefusedAndWritesNothing()
    {
        Db db = Db.Create();
        var right = new RecordRightRow(s_account, AdminHarness.R1, db.Org.Unit("Temp"), RecordOperation.Edit, RecordRightLevel.Allow, RecordRightSource.Manual);

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Bob"), new ShareRecord(right));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(0, result.ChangeIndex);
        Assert.Equal(0, db.Host.Writes);
        Assert.Empty(db.Sink.Events);
    }

    [Fact]
    public async Task ShareRecord_RecordNotInTheDatabase_IsRefusedAsUnknown()
    {
        Db db = Db.Create();
        var right = new RecordRightRow(s_account, DatabaseKeptRecords.Unknown, db.Org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual);

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Admin"), new ShareRecord(right));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessReason.UnknownRecord, result.Decision.Reason);
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task ShareRecord_SystemSharesAnUnknownRecord_IsRefusedAsInvalid()
    {
        Db db = Db.Create();
        var right = new RecordRightRow(s_account, DatabaseKeptRecords.Unknown, db.Org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual);

        AccessChangeResult result = await db.Admin.ApplyAsync(AccessActor.System, new ShareRecord(right));

        Assert.Equal(AccessChangeRefusal.InvalidModel, result.Refusal);
        Assert.Equal(AccessModelErrorCode.DanglingReference, Assert.Single(result.Errors).Code);
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task UnshareRecord_RightNotThere_IsRefusedAsNotFound()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Alice"), new UnshareRecord(s_account, AdminHarness.R1, db.Org.Unit("Temp"), RecordOperation.Read));

        Assert.Equal(AccessChangeRefusal.NotFound, result.Refusal);
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task UnshareRecord_SharedRight_RemovesIt()
    {
        Db db = Db.Create();
        var right = new RecordRightRow(s_account, AdminHarness.R1, db.Org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual);
        Assert.True((await db.Admin.ApplyAsync(db.User("Alice"), new ShareRecord(right))).IsApplied);

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Alice"), new UnshareRecord(s_account, AdminHarness.R1, right.Grantee, RecordOperation.Read));

        Assert.True(result.IsApplied, result.Message);
        Assert.DoesNotContain(db.Host.Rights, r => r.Grantee == right.Grantee);
    }

    [Fact]
    public async Task CreateRecord_HostInsertedTheRow_WritesTheDefaultRightsAndTheRecord()
    {
        Db db = Db.Create();
        var record = new RecordDefinition(s_account, s_new, db.Org.UserId("Alice"), db.Org.UserId("Carol"));
        await db.Host.InsertAsync(record with { Owner = null });

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Admin"), new CreateRecord(record));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(record, db.Host.Record(s_new));
        RecordRightRow row = Assert.Single(db.Host.Rights, r => r.Record == s_new);
        Assert.Equal(new RecordRightRow(s_account, s_new, db.Org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default), row);
    }

    [Fact]
    public async Task CreateRecord_NoRowInTheDatabase_IsRefusedNamingWhatToDo()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Admin"), new CreateRecord(new RecordDefinition(s_account, s_new, db.Org.UserId("Alice"), null)));

        Assert.Equal(AccessChangeRefusal.NotFound, result.Refusal);
        Assert.Equal($"Record `{s_new}` of `Account` has no row in the database: insert the record's row first, then create it here in the same transaction.", result.Message);
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task CreateRecord_RecordAlreadyHasRights_IsRefusedAsConflict()
    {
        Db db = Db.Create();
        var record = new RecordDefinition(s_account, s_new, db.Org.UserId("Alice"), null);
        await db.Host.InsertAsync(record);
        Assert.True((await db.Admin.ApplyAsync(db.User("Admin"), new CreateRecord(record))).IsApplied);

        AccessChangeResult again = await db.Admin.ApplyAsync(db.User("Admin"), new CreateRecord(record));

        Assert.Equal(AccessChangeRefusal.Conflict, again.Refusal);
    }

    [Fact]
    public async Task CreateRecord_InASupportSession_KeepsTheGrantForDataIsolation()
    {
        var grant = new SupportGrantId(Guid.Parse("5b6f0e1e-9a43-4d1f-8a57-0f4f3c3b2a10"));
        Db db = Db.Create(org =>
        {
            org.Builder.Add(new RoleMembership(org.UserId("Admin"), org["Creators"]));
            DateOnly today = DateOnly.FromDateTime(AdminHarness.Now.UtcDateTime);
            org.Builder.Add(new SupportAccessGrant(grant, "ticket 1", today.AddDays(-1), today.AddDays(3), org.UserId("Admin"), org.UserId("Admin")) { Level = SupportAccessLevel.Manage });
        });
        var record = new RecordDefinition(s_account, s_new, db.Org.UserId("Admin"), null);
        await db.Host.InsertAsync(record);

        AccessChangeResult result = await db.Admin.ApplyAsync(AccessActor.ForSupportSession(grant), new CreateRecord(record));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(grant, db.Host.Record(s_new)!.CreatedInSupportGrant);
        AccessPrincipal session = db.Evaluator.Snapshot.GetSupportPrincipal(grant, AdminHarness.Now);
        Assert.True((await session.CheckRecordAsync(db.Host, s_account, s_new, RecordOperation.Read)).IsAllowed);
        Assert.Equal(AccessReason.SupportDataIsolation, (await session.CheckRecordAsync(db.Host, s_account, AdminHarness.R1, RecordOperation.Read)).Reason);
    }

    [Fact]
    public async Task DeleteRecord_Authorized_RemovesEveryRightOfTheRecord()
    {
        Db db = Db.Create();
        var right = new RecordRightRow(s_account, AdminHarness.R1, db.Org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual);
        Assert.True((await db.Admin.ApplyAsync(db.User("Alice"), new ShareRecord(right))).IsApplied);

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Alice"), new DeleteRecord(s_account, AdminHarness.R1));

        Assert.True(result.IsApplied, result.Message);
        Assert.DoesNotContain(db.Host.Rights, r => r.Record == AdminHarness.R1);
    }

    [Fact]
    public async Task DeleteRecord_ActorMayNotDeleteTheRecord_IsRefused()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Bob"), new DeleteRecord(s_account, AdminHarness.R1));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessReason.NoRecordRight, result.Decision.Reason);
    }

    [Fact]
    public async Task ChangeRecordOwner_OwnerReowns_WritesTheNewOwner()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Alice"), new ChangeRecordOwner(s_account, AdminHarness.R1, db.Org.UserId("Bob")));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(db.Org.UserId("Bob"), db.Host.Record(AdminHarness.R1)!.Owner);
        Assert.Equal(db.Org.UserId("Alice"), db.Host.Record(AdminHarness.R1)!.Author);
        Assert.True((await db.Principal("Bob").CheckRecordAsync(db.Host, s_account, AdminHarness.R1, RecordOperation.Edit)).IsAllowed);
    }

    [Fact]
    public async Task ChangeRecordOwner_ActorMayNotEditTheRecord_IsRefused()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Admin.ApplyAsync(db.User("Bob"), new ChangeRecordOwner(s_account, AdminHarness.R1, db.Org.UserId("Bob")));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(db.Org.UserId("Alice"), db.Host.Record(AdminHarness.R1)!.Owner);
    }

    [Fact]
    public async Task ApplyAsync_NoRecordReaderOrWriter_IsRefusedNamingWhatToRegister()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Plain.ApplyAsync(db.User("Alice"), new DeleteRecord(s_account, AdminHarness.R1));

        Assert.Equal(AccessChangeRefusal.RecordStoreMissing, result.Refusal);
        Assert.Contains("IRecordRightReader", result.Message, StringComparison.Ordinal);
        Assert.Contains("IRecordRightWriter", result.Message, StringComparison.Ordinal);
        Assert.Contains("WithRecordRights", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyBatchAsync_RecordChangeWithAModelChange_IsRefusedAsMixedAndAppliesNothing()
    {
        Db db = Db.Create();
        AccessChange[] batch =
        [
            new DeleteRecord(s_account, AdminHarness.R1),
            new AddMembership(new RoleMembership(db.Org.UserId("Bob"), db.Org["Temp"])),
        ];

        AccessChangeResult result = await db.Admin.ApplyBatchAsync(AccessActor.System, batch);

        Assert.Equal(AccessChangeRefusal.MixedBatch, result.Refusal);
        Assert.Equal(1, result.ChangeIndex);
        Assert.Equal(1, db.Evaluator.Snapshot.Version);
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task ApplyBatchAsync_RecordsOfTwoDatabaseObjects_IsRefusedAsMixed()
    {
        Db db = Db.Create(org => org.Builder.Add(new ObjectDefinition("Lead") { UseRecordPermissions = true, KeepsRecordsInDatabase = true }));
        AccessChange[] batch = [new DeleteRecord(s_account, AdminHarness.R1), new DeleteRecord("Lead", AdminHarness.R2)];

        AccessChangeResult result = await db.Admin.ApplyBatchAsync(AccessActor.System, batch);

        Assert.Equal(AccessChangeRefusal.MixedBatch, result.Refusal);
        Assert.Equal(1, result.ChangeIndex);
    }

    [Fact]
    public async Task ApplyBatchAsync_WriterFailsMidBatch_IsRefusedAndNothingLands()
    {
        Db db = Db.Create();
        db.Host.FailAfter = 1;
        AccessChange[] batch =
        [
            new ShareRecord(new RecordRightRow(s_account, AdminHarness.R1, db.Org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual)),
            new ShareRecord(new RecordRightRow(s_account, AdminHarness.R1, db.Org.Unit("Sales"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual)),
        ];

        AccessChangeResult result = await db.Admin.ApplyBatchAsync(db.User("Alice"), batch);

        Assert.Equal(AccessChangeRefusal.RecordStoreFailed, result.Refusal);
        Assert.Equal("Writing the records of `Account` failed: The test store fails after 1 edit(s). Nothing was written.", result.Message);
        Assert.Empty(db.Host.Rights);
        Assert.Empty(db.Sink.Events);
    }

    [Fact]
    public async Task ApplyAsync_ReaderThrows_IsRefusedAndWritesNothing()
    {
        Db db = Db.Create();
        AccessAdministration admin = db.Plain.WithRecordRights(new ThrowingReader(), db.Host);

        AccessChangeResult result = await admin.ApplyAsync(db.User("Alice"), new DeleteRecord(s_account, AdminHarness.R1));

        Assert.Equal(AccessChangeRefusal.RecordStoreFailed, result.Refusal);
        Assert.Equal("Reading the records of `Account` failed: the database is down Nothing was written.", result.Message);
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task ApplyAsync_Cancelled_ThrowsAndWritesNothing()
    {
        Db db = Db.Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        AccessAdministration admin = db.Plain.WithRecordRights(new CancellingReader(), db.Host);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => admin.ApplyAsync(db.User("Alice"), new DeleteRecord(s_account, AdminHarness.R1), cancelled.Token).AsTask());
        Assert.Equal(0, db.Host.Writes);
    }

    [Fact]
    public async Task CheckBatch_DatabaseRecordChange_AnswersThatItNeedsTheAsyncCheck()
    {
        Db db = Db.Create();
        AccessChange change = new DeleteRecord(s_account, AdminHarness.R1);

        AccessChangeResult sync = db.Admin.Check(db.User("Alice"), change);
        AccessChangeResult checkedAsync = await db.Admin.CheckAsync(db.User("Alice"), change);

        Assert.Equal(AccessChangeRefusal.NotSupportedForDatabaseRecords, sync.Refusal);
        Assert.Contains("CheckBatchAsync", sync.Message, StringComparison.Ordinal);
        Assert.False(checkedAsync.IsRefused, checkedAsync.Message);
        Assert.False(checkedAsync.IsApplied);
        Assert.Equal(0, db.Host.Writes);
        Assert.NotNull(db.Host.Record(AdminHarness.R1));
    }

    [Fact]
    public async Task UpdateRecordPermissions_DatabaseObject_IsRefusedAsNotSupported()
    {
        Db db = Db.Create();

        AccessChangeResult result = await db.Admin.ApplyAsync(AccessActor.System, new UpdateRecordPermissions(s_account));

        Assert.Equal(AccessChangeRefusal.NotSupportedForDatabaseRecords, result.Refusal);
        Assert.Equal(1, db.Evaluator.Snapshot.Version);
    }

    [Fact]
    public async Task UseRecordRights_ScopedAdministration_WritesThroughTheScopesWriter()
    {
        Db db = Db.Create();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(AdminHarness.Now));
        services.AddCreatioAccessControl().UseModel(db.Evaluator.Snapshot.Model).UseRecordRights(_ => db.Host, _ => db.Host);
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using AsyncServiceScope scope = provider.CreateAsyncScope();
        IAccessAdministration admin = scope.ServiceProvider.GetRequiredService<IAccessAdministration>();
        var right = new RecordRightRow(s_account, AdminHarness.R1, db.Org.Unit("Temp"), RecordOperation.Edit, RecordRightLevel.Allow, RecordRightSource.Manual);

        AccessChangeResult result = await admin.ApplyAsync(db.User("Alice"), new ShareRecord(right));

        Assert.True(result.IsApplied, result.Message);
        Assert.Contains(right, db.Host.Rights);
        Assert.Same(db.Host, scope.ServiceProvider.GetRequiredService<IRecordRightReader>());   // the scope's checks read through it too
        Assert.Equal(AccessChangeRefusal.RecordStoreMissing, (await provider.GetRequiredService<AccessAdministration>().ApplyAsync(db.User("Alice"), new ShareRecord(right))).Refusal);
    }

    private sealed class ThrowingReader : IRecordRightReader
    {
        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the database is down");
    }

    private sealed class CancellingReader : IRecordRightReader
    {
        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken) =>
            ValueTask.FromException<IReadOnlyList<StoredRecord>>(new OperationCanceledException(cancellationToken));
    }

    /// <summary>The administration harness's organization with Account keeping its records in the database (r1 by Alice,
    /// r2 by Bob, in <see cref="Host"/>).</summary>
    private sealed class Db
    {
        private Db(Org org, AccessModel model, AccessModel full)
        {
            Org = org;
            Sink = new InMemoryAccessAuditSink();
            Evaluator = new AccessEvaluator(AccessSnapshot.Compile(model, 1), new FakeTimeProvider(AdminHarness.Now));
            Plain = new AccessAdministration(Evaluator, null, [Sink]);
            Host = new InMemoryRecordHost();
            Host.LoadAsync(full, s_account).GetAwaiter().GetResult();
            Admin = Plain.WithRecordRights(Host, Host);
        }

        public Org Org { get; }

        public InMemoryAccessAuditSink Sink { get; }

        public AccessEvaluator Evaluator { get; }

        /// <summary>Gets the administration without a record reader or writer.</summary>
        public AccessAdministration Plain { get; }

        public InMemoryRecordHost Host { get; }

        public AccessAdministration Admin { get; }

        public static Db Create(Action<Org>? configure = null)
        {
            Org org = AdminHarness.BaseOrg();
            org.Builder.Settings = org.Builder.Settings with { EnabledAuditEvents = AdminHarness.AllEventTypes };
            configure?.Invoke(org);
            AccessModel full = org.Build();
            return new Db(org, DatabaseKeptRecords.KeptInDatabase(full, o => o.Name == s_account || o.KeepsRecordsInDatabase), full);
        }

        public AccessActor User(string name) => AccessActor.ForUser(Org.UserId(name));

        public AccessPrincipal Principal(string name) => Evaluator.Snapshot.GetPrincipal(Org.UserId(name), AdminHarness.Now);
    }
}
