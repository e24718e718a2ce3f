using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>Whole lists at once: FilterRecords, GetRecordFilter and GetColumnAccess.</summary>
public sealed class RecordListTests
{
    private static readonly RecordId[] s_all = [Ids.Record("mine"), Ids.Record("shared"), Ids.Record("other"), Ids.Record("unknown"), Ids.Record("team")];

    private static Org Company() => new Org()
        .Organization("Sales", "All employees")
        .Managers("Sales")
        .User("Ann", "Sales")
        .User("Mia", "Managers of Sales")
        .User("Bob")
        .User("Root", "System administrators")
        .Object("Deal", true, true, false, "Amount")
        .ObjectRow("Deal", "Bob", 0, ObjectOperations.Read)
        .ObjectRow("Deal", "All employees", 1, ObjectOperations.All)
        .Record("Deal", "mine", author: "Mia")
        .Record("Deal", "shared", author: "Bob")
        .Record("Deal", "other", author: "Bob")
        .Record("Deal", "team", owner: "Ann")
        .Right("Deal", "shared", "Sales", RecordOperation.Read);

    [Fact]
    public void FilterRecords_Span_KeepsAllowedRecordsInOrder()
    {
        AccessPrincipal mia = Company().Principal("Mia");
        var destination = new RecordId[s_all.Length];

        int count = mia.FilterRecords("Deal", RecordOperation.Read, s_all, destination);

        Assert.Equal([Ids.Record("mine"), Ids.Record("shared"), Ids.Record("team")], destination[..count]);
    }

    [Fact]
    public void FilterRecords_Enumerable_SameAsCheckRecord()
    {
        AccessPrincipal ann = Company().Principal("Ann");

        IReadOnlyList<RecordId> allowed = ann.FilterRecords("Deal", RecordOperation.Read, s_all.AsEnumerable());

        Assert.Equal(s_all.Where(r => ann.CheckRecord("Deal", r, RecordOperation.Read).IsAllowed), allowed);
        Assert.Equal([Ids.Record("shared"), Ids.Record("team")], allowed);
    }

    [Fact]
    public void FilterRecords_DestinationTooShort_ThrowsArgumentException()
    {
        AccessPrincipal ann = Company().Principal("Ann");

        ArgumentException error = Assert.Throws<ArgumentException>(() => ann.FilterRecords("Deal", RecordOperation.Read, s_all, new RecordId[2]));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void FilterRecords_NullEnumerable_ThrowsArgumentNullException()
    {
        AccessPrincipal ann = Company().Principal("Ann");

        Assert.Throws<ArgumentNullException>(() => ann.FilterRecords("Deal", RecordOperation.Read, (IEnumerable<RecordId>)null!));
    }

    [Fact]
    public void FilterRecords_ObjectStepDenies_Nothing()
    {
        AccessPrincipal bob = Company().Principal("Bob");

        Assert.Empty(bob.FilterRecords("Deal", RecordOperation.Edit, s_all.AsEnumerable()));
    }

    [Fact]
    public void GetRecordFilter_SuperOperation_All()
    {
        RecordFilter filter = Company().Principal("Root").GetRecordFilter("Deal", RecordOperation.Delete);

        Assert.Equal(RecordFilterKind.All, filter.Kind);
        Assert.Equal(AccessReason.SuperOperation, filter.Decision.Reason);
        Assert.Empty(filter.Grantees);
        Assert.True(filter.Matches(new RecordDefinition("Deal", Ids.Record("any")), []));
    }

    [Fact]
    public void GetRecordFilter_RecordPermissionsOff_All()
    {
        Org org = Company().Object("Note");

        RecordFilter filter = org.Principal("Bob").GetRecordFilter("Note", RecordOperation.Edit);

        Assert.Equal((RecordFilterKind.All, AccessReason.RecordPermissionsOff), (filter.Kind, filter.Decision.Reason));
    }

    [Fact]
    public void GetRecordFilter_ObjectStepDenies_NoneWithThatDecision()
    {
        Org org = Company();

        RecordFilter filter = org.Principal("Bob").GetRecordFilter("Deal", RecordOperation.Delete);

        Assert.Equal(RecordFilterKind.None, filter.Kind);
        Assert.Equal((AccessReason.ObjectRowDenies, org.Unit("Bob")), (filter.Decision.Reason, filter.Decision.Grantee!.Value));
        Assert.False(filter.Matches(new RecordDefinition("Deal", Ids.Record("other"), Author: org.UserId("Bob")), []));
    }

    [Fact]
    public void GetRecordFilter_Conditional_GranteesAreEffectiveRolesAuthorsAreUserAndManagedUsers()
    {
        Org org = Company();
        AccessPrincipal mia = org.Principal("Mia");

        RecordFilter filter = mia.GetRecordFilter("Deal", RecordOperation.Read);

        Assert.Equal(RecordFilterKind.Conditional, filter.Kind);
        var roles = new HashSet<AdminUnitId>();
        foreach (AdminUnitId unit in mia.EffectiveRoles)
        {
            roles.Add(unit);
        }

        Assert.True(roles.SetEquals(filter.Grantees));
        Assert.True(new HashSet<UserId> { org.UserId("Mia"), org.UserId("Ann") }.SetEquals(filter.AuthorsAndOwners));
    }

    [Fact]
    public void GetRecordFilter_Matches_AgreesWithCheckRecordOnEveryRecord()
    {
        Org org = Company();
        AccessModel model = org.Build();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);

        foreach (string user in new[] { "Ann", "Mia", "Bob", "Root" })
        {
            AccessPrincipal principal = snapshot.GetPrincipal(org.UserId(user), DateTimeOffset.UnixEpoch);
            RecordFilter filter = principal.GetRecordFilter("Deal", RecordOperation.Read);
            Assert.All(model.Records, record =>
                Assert.Equal(principal.CheckRecord("Deal", record.Id, RecordOperation.Read).IsAllowed, filter.Matches(record, model.RecordRightRows)));
        }
    }

    [Fact]
    public void GetColumnAccess_ColumnRows_SplitReadableAndEditable()
    {
        Org org = Company().ColumnRow("Deal", "Amount", "All employees", 0, ColumnRightLevel.Read);

        ColumnAccess ann = org.Principal("Ann").GetColumnAccess("Deal");
        ColumnAccess bob = org.Principal("Bob").GetColumnAccess("Deal");

        Assert.Equal(["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy", "Amount"], ann.Readable.Select(c => c.Value));
        Assert.Equal(["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"], ann.Editable.Select(c => c.Value));
        Assert.Equal(6, bob.Readable.Count);
        Assert.Empty(bob.Editable);
    }

    [Fact]
    public void GetColumnAccess_WithRecord_FollowsRecordStep()
    {
        Org org = Company();

        Assert.Empty(org.Principal("Ann").GetColumnAccess("Deal", Ids.Record("other")).Readable);
        Assert.Equal(6, org.Principal("Ann").GetColumnAccess("Deal", Ids.Record("team")).Editable.Count);
    }

    [Fact]
    public void GetColumnAccess_UnknownObject_Empty()
    {
        ColumnAccess access = Company().Principal("Ann").GetColumnAccess("Nope");

        Assert.Empty(access.Readable);
        Assert.Empty(access.Editable);
    }

    [Fact]
    public void GetColumnAccess_PortalUser_NoSystemColumns()
    {
        Org org = Company()
            .Organization("Acme", "All portal users")
            .Portal("Pat", "Acme")
            .Object("Case", true, false, true, "Subject")
            .ObjectRow("Case", "All portal users", 0, ObjectOperations.Read);

        ColumnAccess access = org.Principal("Pat").GetColumnAccess("Case");

        Assert.Equal(["Subject"], access.Readable.Select(c => c.Value));
        Assert.Empty(access.Editable);
    }
}
