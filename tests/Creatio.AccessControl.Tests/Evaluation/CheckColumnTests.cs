using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>DESIGN.md §6: column permissions.</summary>
public sealed class CheckColumnTests
{
    private static Org Sales() => new Org()
        .Role("Sales", "All employees")
        .User("Ann", "Sales")
        .User("Bob")
        .Object("Deal", true, true, false, "Amount", "Notes")
        .ObjectRow("Deal", "All employees", 0, ObjectOperations.All)
        .Record("Deal", "r1", author: "Ann");

    [Fact]
    public void CheckColumn_NoRows_FollowsObjectStep()
    {
        Org org = Sales();

        AccessDecision decision = org.Principal("Bob").CheckColumn("Deal", "Notes", ColumnOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Object, AccessReason.ObjectRowAllows), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckColumn_NoRowsWithRecord_FollowsRecordStep()
    {
        Org org = Sales();

        AccessDecision ann = org.Principal("Ann").CheckColumn("Deal", Ids.Record("r1"), "Notes", ColumnOperation.Edit);
        AccessDecision bob = org.Principal("Bob").CheckColumn("Deal", Ids.Record("r1"), "Notes", ColumnOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.RecordAuthor), (ann.Outcome, ann.Stage, ann.Reason));
        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.NoRecordRight), (bob.Outcome, bob.Stage, bob.Reason));
    }

    [Fact]
    public void CheckColumn_FirstRowReadEdit_AllowsReadAndEdit()
    {
        Org org = Sales()
            .ColumnRow("Deal", "Amount", "Sales", 0, ColumnRightLevel.ReadEdit)
            .ColumnRow("Deal", "Amount", "All employees", 1, ColumnRightLevel.Deny);
        AccessPrincipal ann = org.Principal("Ann");

        AccessDecision edit = ann.CheckColumn("Deal", "Amount", ColumnOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Column, AccessReason.ColumnRowAllows), (edit.Outcome, edit.Stage, edit.Reason));
        Assert.Equal((org.Unit("Sales"), 0), (edit.Grantee!.Value, edit.Position!.Value));
        Assert.True(ann.CheckColumn("Deal", "Amount", ColumnOperation.Read).IsAllowed);
    }

    [Fact]
    public void CheckColumn_FirstRowRead_EditDeniedWithColumnReadOnly()
    {
        Org org = Sales()
            .ColumnRow("Deal", "Amount", "Sales", 0, ColumnRightLevel.Read)
            .ColumnRow("Deal", "Amount", "All employees", 1, ColumnRightLevel.ReadEdit);
        AccessPrincipal ann = org.Principal("Ann");

        Assert.Equal(AccessReason.ColumnRowAllows, ann.CheckColumn("Deal", "Amount", ColumnOperation.Read).Reason);
        AccessDecision edit = ann.CheckColumn("Deal", "Amount", ColumnOperation.Edit);
        Assert.Equal((AccessOutcome.Deny, AccessStage.Column, AccessReason.ColumnReadOnly), (edit.Outcome, edit.Stage, edit.Reason));
        Assert.True(org.Principal("Bob").CheckColumn("Deal", "Amount", ColumnOperation.Edit).IsAllowed);
    }

    [Fact]
    public void CheckColumn_FirstRowDeny_DeniedWithColumnRowDenies()
    {
        Org org = Sales()
            .ColumnRow("Deal", "Amount", "Sales", 0, ColumnRightLevel.Deny)
            .ColumnRow("Deal", "Amount", "All employees", 1, ColumnRightLevel.ReadEdit);

        AccessDecision decision = org.Principal("Ann").CheckColumn("Deal", Ids.Record("r1"), "Amount", ColumnOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Column, AccessReason.ColumnRowDenies), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckColumn_RowsButNoneMatches_DeniedWithNoMatchingColumnRow()
    {
        Org org = Sales().ColumnRow("Deal", "Amount", "Sales", 0, ColumnRightLevel.ReadEdit);

        AccessDecision decision = org.Principal("Bob").CheckColumn("Deal", "Amount", ColumnOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Column, AccessReason.NoMatchingColumnRow), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckColumn_ReadEditRowWithoutObjectEdit_EditDeniedByObjectStep()
    {
        Org org = new Org()
            .User("Bob")
            .Object("Deal", true, false, false, "Amount")
            .ObjectRow("Deal", "All employees", 0, ObjectOperations.Read)
            .ColumnRow("Deal", "Amount", "All employees", 0, ColumnRightLevel.ReadEdit);

        AccessDecision decision = org.Principal("Bob").CheckColumn("Deal", "Amount", ColumnOperation.Edit);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.ObjectRowDenies), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckColumn_UnknownColumn_DeniedWithUnknownColumnEvenForSuperOperation()
    {
        Org org = Sales().Member("Ann", "System administrators");

        AccessDecision decision = org.Principal("Ann").CheckColumn("Deal", "Nope", ColumnOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Column, AccessReason.UnknownColumn), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Theory]
    [InlineData("Id")]
    [InlineData("CreatedOn")]
    [InlineData("CreatedBy")]
    [InlineData("ModifiedOn")]
    [InlineData("ModifiedBy")]
    public void CheckColumn_SystemColumnForPortalUser_DeniedEvenWithSuperOperation(string column)
    {
        Org org = new Org()
            .Portal("Pat", "All portal users")
            .User("Bob")
            .Object("Case", operations: true, portal: true)
            .ObjectRow("Case", "All portal users", 0, ObjectOperations.All)
            .ObjectRow("Case", "All employees", 1, ObjectOperations.All)
            .Operation(SystemOperations.CanSelectEverything, "Pat", 0);

        AccessDecision decision = org.Principal("Pat").CheckColumn("Case", column, ColumnOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Column, AccessReason.SystemColumnForPortalUser), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.False(org.Principal("Pat").CheckColumn("Case", column, ColumnOperation.Edit).IsAllowed);
        Assert.True(org.Principal("Bob").CheckColumn("Case", column, ColumnOperation.Read).IsAllowed);
    }
}
