using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 19: an object can keep its records and rights in the database. The model refuses a copy of them, the
/// in-memory record check denies with a reason that points to the database check, and the database check decides a page
/// of records read in one call, as the in-memory check decides them.</summary>
public sealed class Issue19_DatabaseKeptObjectTests
{
    private static Org Company() => new Org()
        .Organization("Sales", "All employees")
        .Managers("Sales")
        .User("Ann", "Sales")
        .User("Mia", "Managers of Sales")
        .User("Bob")
        .Portal("Pat", "All portal users")
        .Object("Deal", true, true, true)
        .ObjectRow("Deal", "All employees", 0, ObjectOperations.All)
        .ObjectRow("Deal", "All portal users", 1, ObjectOperations.Read)
        .Object("Note")
        .Record("Deal", "mine", author: "Ann")
        .Record("Deal", "shared", author: "Bob")
        .Record("Deal", "other", author: "Bob", owner: "Bob")
        .Right("Deal", "shared", "Sales", RecordOperation.Read)
        .Right("Deal", "other", "Sales", RecordOperation.Read, RecordRightLevel.Deny);

    private static readonly RecordId[] s_page = [Ids.Record("mine"), Ids.Record("shared"), Ids.Record("other"), Ids.Record("unknown")];

    [Fact]
    public void Build_RecordAndRightOfDatabaseKeptObject_RefusedWithClearError()
    {
        AccessModelBuilder builder = new Org().User("Ann").Builder;
        builder.Add(new ObjectDefinition("Deal") { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        builder.Add(new RecordDefinition("Deal", Ids.Record("mine")));
        builder.Add(new RecordRightRow("Deal", Ids.Record("mine"), BuiltInRoles.AllEmployees, RecordOperation.Read, RecordRightLevel.Allow));

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(builder.Build);

        Assert.Equal(2, thrown.Errors.Count);
        Assert.Equal(
            $"Record `{Ids.Record("mine")}` of `Deal` is given in the model, but `Deal` keeps its records in the database; leave it there and check it with CheckRecordAsync.",
            thrown.Errors[0].Message);
        Assert.Equal(
            $"Record right of `Deal` record `{Ids.Record("mine")}` for `All employees` (`{BuiltInRoles.AllEmployees}`) is given in the model, but `Deal` keeps its records and rights in the database; write it there.",
            thrown.Errors[1].Message);
        Assert.All(thrown.Errors, e => Assert.Equal(AccessModelErrorCode.RecordKeptInDatabase, e.Code));
    }

    [Fact]
    public void Apply_ShareOnDatabaseKeptObject_RefusedWithClearError()
    {
        AccessModel model = DatabaseKeptRecords.KeptInDatabase(Company().Build(), o => o.Name == "Deal");
        var share = new AccessModelDelta([new PutRecordRightEdit(new RecordRightRow("Deal", Ids.Record("mine"), BuiltInRoles.AllEmployees, RecordOperation.Read, RecordRightLevel.Allow))]);

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(() => model.Apply(share));

        Assert.Equal(AccessModelErrorCode.RecordKeptInDatabase, Assert.Single(thrown.Errors).Code);
    }

    [Theory]
    [InlineData("Ann")]
    [InlineData("Mia")]
    [InlineData("Pat")]
    public void CheckRecord_DatabaseKeptObject_DeniesPointingToTheDatabaseCheck(string user)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(Company().Build(), o => o.Name == "Deal"));
        AccessPrincipal principal = snapshot.GetPrincipal(Ids.User("nobody"), DateTimeOffset.UnixEpoch);
        AccessPrincipal known = snapshot.GetPrincipal(Company().UserId(user), DateTimeOffset.UnixEpoch);

        AccessDecision decision = known.CheckRecord("Deal", Ids.Record("mine"), RecordOperation.Read);
        AccessDecision share = known.CheckShare("Deal", Ids.Record("mine"), RecordOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.RecordKeptInDatabase), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.Equal(AccessReason.RecordKeptInDatabase, share.Reason);
        Assert.False(share.IsAllowed);
        Assert.Equal(AccessReason.UnknownUser, principal.CheckRecord("Deal", Ids.Record("mine"), RecordOperation.Read).Reason);
    }

    [Fact]
    public void CheckRecord_DatabaseKeptObjectWithoutRecordPermissions_EmployeeAllowedPortalUserPointedToTheDatabase()
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(
            Company().Object("Memo", portal: true).Build(), o => o.Name == "Memo"));
        Org org = Company();

        AccessDecision employee = snapshot.GetPrincipal(org.UserId("Bob"), DateTimeOffset.UnixEpoch).CheckRecord("Memo", Ids.Record("any"), RecordOperation.Edit);
        AccessDecision portal = snapshot.GetPrincipal(org.UserId("Pat"), DateTimeOffset.UnixEpoch).CheckRecord("Memo", Ids.Record("any"), RecordOperation.Edit);

        Assert.Equal(AccessReason.RecordPermissionsOff, employee.Reason);
        Assert.True(employee.IsAllowed);
        Assert.Equal(AccessReason.PortalUserLeastAccess, portal.Reason);
    }

    [Theory]
    [InlineData("Ann", RecordOperation.Read)]
    [InlineData("Ann", RecordOperation.Edit)]
    [InlineData("Mia", RecordOperation.Read)]
    [InlineData("Mia", RecordOperation.Delete)]
    [InlineData("Bob", RecordOperation.Read)]
    [InlineData("Pat", RecordOperation.Read)]
    public async Task CheckRecordsAsync_DatabaseKeptObject_OneReadSameDecisionsAsInMemory(string user, RecordOperation operation)
    {
        Org org = Company();
        AccessModel model = org.Build();
        var reader = new DatabaseKeptRecords.CountingReader(new DatabaseKeptRecords.ModelReader(model));
        AccessPrincipal inMemory = AccessSnapshot.Compile(model).GetPrincipal(org.UserId(user), DateTimeOffset.UnixEpoch);
        AccessPrincipal inDatabase = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model)).GetPrincipal(org.UserId(user), DateTimeOffset.UnixEpoch);

        IReadOnlyList<AccessDecision> decisions = await inDatabase.CheckRecordsAsync(reader, "Deal", s_page, operation);

        Assert.Equal(1, reader.Reads);
        Assert.Equal(s_page, reader.LastAsked);
        Assert.Equal(s_page.Select(id => inMemory.CheckRecord("Deal", id, operation).IsAllowed), decisions.Select(d => d.IsAllowed));
        Assert.Equal(AccessReason.UnknownRecord, decisions[3].Reason);
    }

    [Fact]
    public async Task CheckRecordsAsync_Reasons_NameTheRuleThatAllowed()
    {
        Org org = Company();
        AccessModel model = org.Build();
        var reader = new DatabaseKeptRecords.ModelReader(model);
        AccessSnapshot snapshot = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model));

        IReadOnlyList<AccessDecision> ann = await snapshot.GetPrincipal(org.UserId("Ann"), DateTimeOffset.UnixEpoch).CheckRecordsAsync(reader, "Deal", s_page, RecordOperation.Read);
        IReadOnlyList<AccessDecision> mia = await snapshot.GetPrincipal(org.UserId("Mia"), DateTimeOffset.UnixEpoch).CheckRecordsAsync(reader, "Deal", s_page, RecordOperation.Edit);

        Assert.Equal([AccessReason.RecordAuthor, AccessReason.RecordRight, AccessReason.NoRecordRight, AccessReason.UnknownRecord], ann.Select(d => d.Reason));
        Assert.Equal(org.Unit("Ann"), ann[0].Grantee);
        Assert.Equal(org.Unit("Sales"), ann[1].Grantee);
        Assert.Equal([AccessReason.RecordAuthor, AccessReason.NoRecordRight, AccessReason.NoRecordRight, AccessReason.UnknownRecord], mia.Select(d => d.Reason));
        Assert.Equal(org.Unit("Ann"), mia[0].Grantee);
    }

    [Fact]
    public async Task CheckRecordsAsync_InMemoryObject_ReaderNotCalled()
    {
        Org org = Company();
        AccessModel model = org.Build();
        var reader = new DatabaseKeptRecords.CountingReader(new DatabaseKeptRecords.ModelReader(model));
        AccessPrincipal ann = AccessSnapshot.Compile(model).GetPrincipal(org.UserId("Ann"), DateTimeOffset.UnixEpoch);

        IReadOnlyList<AccessDecision> decisions = await ann.CheckRecordsAsync(reader, "Deal", s_page, RecordOperation.Read);

        Assert.Equal(0, reader.Reads);
        Assert.Equal(s_page.Select(id => ann.CheckRecord("Deal", id, RecordOperation.Read)), decisions);
    }

    [Fact]
    public async Task CheckRecordsAsync_DecidedBeforeTheRecords_ReaderNotCalled()
    {
        Org org = Company();
        AccessModel model = org.Build();
        var reader = new DatabaseKeptRecords.CountingReader(new DatabaseKeptRecords.ModelReader(model));
        AccessSnapshot snapshot = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model));

        IReadOnlyList<AccessDecision> invalid = await snapshot.GetPrincipal(org.UserId("Ann"), DateTimeOffset.UnixEpoch).CheckRecordsAsync(reader, "Deal", s_page, (RecordOperation)7);
        IReadOnlyList<AccessDecision> unknownUser = await snapshot.GetPrincipal(Ids.User("nobody"), DateTimeOffset.UnixEpoch).CheckRecordsAsync(reader, "Deal", s_page, RecordOperation.Read);
        IReadOnlyList<AccessDecision> portalEdit = await snapshot.GetPrincipal(org.UserId("Pat"), DateTimeOffset.UnixEpoch).CheckRecordsAsync(reader, "Deal", s_page, RecordOperation.Edit);

        Assert.Equal(0, reader.Reads);
        Assert.All(invalid, d => Assert.Equal(AccessReason.InvalidRequest, d.Reason));
        Assert.All(unknownUser, d => Assert.Equal(AccessReason.UnknownUser, d.Reason));
        Assert.All(portalEdit, d => Assert.Equal(AccessReason.ObjectRowDenies, d.Reason));
    }

    [Fact]
    public async Task CheckRecordsAsync_ReaderReturnsForeignRecords_IgnoredNeverAllowed()
    {
        Org org = Company();
        AccessModel model = org.Build();
        var foreign = new StoredRecord(new RecordDefinition("Note", Ids.Record("shared"), org.UserId("Bob")), []);
        var lying = new ListReader([foreign, new StoredRecord(new RecordDefinition("Deal", Ids.Record("not asked"), org.UserId("Bob")), [])]);
        AccessPrincipal bob = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model)).GetPrincipal(org.UserId("Bob"), DateTimeOffset.UnixEpoch);

        IReadOnlyList<AccessDecision> decisions = await bob.CheckRecordsAsync(lying, "Deal", s_page, RecordOperation.Read);

        Assert.All(decisions, d => Assert.Equal(AccessReason.UnknownRecord, d.Reason));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(255)]
    [InlineData(-1)]
    public async Task CheckRecordsAsync_RightWithALevelOutOfRange_NeverAllows(int level)
    {
        Org org = Company();
        AccessModel model = org.Build();
        RecordId shared = Ids.Record("shared");
        var row = new RecordRightRow("Deal", shared, org.Unit("Sales"), RecordOperation.Read, (RecordRightLevel)level);
        var reader = new ListReader([new StoredRecord(new RecordDefinition("Deal", shared, org.UserId("Bob")), [row])]);
        AccessPrincipal ann = AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model)).GetPrincipal(org.UserId("Ann"), DateTimeOffset.UnixEpoch);

        AccessDecision decision = await ann.CheckRecordAsync(reader, "Deal", shared, RecordOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessReason.NoRecordRight), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task CheckRecordsAsync_NullArguments_Throw()
    {
        AccessPrincipal ann = Company().Principal("Ann");

        await Assert.ThrowsAsync<ArgumentNullException>("reader", () => ann.CheckRecordsAsync(null!, "Deal", s_page, RecordOperation.Read));
        await Assert.ThrowsAsync<ArgumentNullException>("records", () => ann.CheckRecordsAsync(new ListReader([]), "Deal", null!, RecordOperation.Read));
    }

    [Fact]
    public void PolicyDocument_Flag_RoundTripsAndIsLeftOutWhenOff()
    {
        AccessModel model = DatabaseKeptRecords.KeptInDatabase(Company().Build(), o => o.Name == "Deal");

        string json = AccessPolicyJson.Serialize(model);
        AccessModel read = AccessPolicyJson.Deserialize(json);

        Assert.Equal(1, json.Split("\"keepsRecordsInDatabase\": true").Length - 1);
        Assert.DoesNotContain("\"keepsRecordsInDatabase\": false", json);
        Assert.True(read.Objects.Single(o => o.Name == "Deal").KeepsRecordsInDatabase);
        Assert.False(read.Objects.Single(o => o.Name == "Note").KeepsRecordsInDatabase);
    }

    private sealed class ListReader(IReadOnlyList<StoredRecord> records) : IRecordRightReader
    {
        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> asked, CancellationToken cancellationToken) =>
            ValueTask.FromResult(records);
    }
}
