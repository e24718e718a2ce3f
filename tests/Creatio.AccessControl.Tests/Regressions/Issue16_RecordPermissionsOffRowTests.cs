using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16: a record allowed because its object does not use record permissions names the object row that
/// allowed it (step 4), as a record allowed by a record right names that right.</summary>
public sealed class Issue16_RecordPermissionsOffRowTests
{
    private static readonly RecordId s_record = Ids.Record("any");

    /// <summary>Note uses operation permissions but not record permissions: row 0 lets Support read and edit, row 1 lets
    /// every employee read.</summary>
    private static Org Company() => new Org()
        .Organization("Head office", "All employees")
        .Role("Support", "All employees")
        .User("Bob", "Support")
        .User("Sam", "All employees")
        .Object("Note", operations: true, records: false)
        .ObjectRow("Note", "Support", 0, ObjectOperations.Read | ObjectOperations.Edit)
        .ObjectRow("Note", "All employees", 1, ObjectOperations.Read);

    [Fact]
    public void CheckRecord_RecordPermissionsOff_NamesTheObjectRowThatAllowed()
    {
        Org org = Company();

        AccessDecision bob = org.Principal("Bob").CheckRecord("Note", s_record, RecordOperation.Edit);
        AccessDecision sam = org.Principal("Sam").CheckRecord("Note", s_record, RecordOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.RecordPermissionsOff), (bob.Outcome, bob.Stage, bob.Reason));
        Assert.Equal((org.Unit("Support"), 0), (bob.Grantee, bob.Position));
        Assert.Equal((org.Unit("All employees"), 1), (sam.Grantee, sam.Position));
    }

    [Fact]
    public void Explain_NamesTheSameRow()
    {
        AccessPrincipal bob = Company().Principal("Bob");

        AccessDecision check = bob.CheckRecord("Note", s_record, RecordOperation.Edit);
        AccessDecision explained = bob.Explain(AccessRequest.ForRecord("Note", s_record, RecordOperation.Edit)).Decision;

        Assert.Equal(check, explained);
        Assert.Equal(0, explained.Position);
    }

    [Fact]
    public void ADeniedObjectStep_StillDecidesBeforeTheRecordStep()
    {
        AccessDecision sam = Company().Principal("Sam").CheckRecord("Note", s_record, RecordOperation.Edit);

        Assert.False(sam.IsAllowed);
        Assert.Equal(AccessStage.Object, sam.Stage);
    }
}
