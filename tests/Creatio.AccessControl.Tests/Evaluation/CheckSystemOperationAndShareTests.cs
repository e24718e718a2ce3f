using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>DESIGN.md §7 (system operations) and §5 (sharing record rights).</summary>
public sealed class CheckSystemOperationAndShareTests
{
    private static readonly RecordId s_r1 = Ids.Record("r1");

    private static Org Company() => new Org()
        .Organization("Head office", "All employees")
        .Role("Sales", "Head office")
        .Managers("Sales")
        .User("Ann", "Sales")
        .User("Mia", "Managers of Sales")
        .User("Bob")
        .User("Root", "System administrators")
        .Object("Deal", operations: false, records: true);

    [Fact]
    public void CheckSystemOperation_FirstMatchingRowDecides()
    {
        Org org = Company()
            .Operation(SystemOperations.CanExportGrid, "Sales", 0, canExecute: false)
            .Operation(SystemOperations.CanExportGrid, "All employees", 1);

        AccessDecision ann = org.Principal("Ann").CheckSystemOperation(SystemOperations.CanExportGrid);
        AccessDecision bob = org.Principal("Bob").CheckSystemOperation(SystemOperations.CanExportGrid);

        Assert.Equal((AccessOutcome.Deny, AccessStage.SystemOperation, AccessReason.SystemOperationRowDenies, 0), (ann.Outcome, ann.Stage, ann.Reason, ann.Position!.Value));
        Assert.Equal((AccessOutcome.Allow, AccessReason.SystemOperationRowAllows, 1), (bob.Outcome, bob.Reason, bob.Position!.Value));
        Assert.Equal(BuiltInRoles.AllEmployees.ToAdminUnitId(), bob.Grantee);
    }

    [Fact]
    public void CheckSystemOperation_NoRow_DeniedWithNoMatchingSystemOperationRow()
    {
        AccessDecision decision = Company().Principal("Bob").CheckSystemOperation(SystemOperations.CanManageUsers);

        Assert.Equal((AccessOutcome.Deny, AccessStage.SystemOperation, AccessReason.NoMatchingSystemOperationRow), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckSystemOperation_UnknownCode_DeniedWithUnknownSystemOperationEvenForAdministrators()
    {
        AccessPrincipal root = Company().Principal("Root");

        Assert.Equal(AccessReason.UnknownSystemOperation, root.CheckSystemOperation("CanFly").Reason);
        Assert.Equal(AccessReason.UnknownSystemOperation, root.CheckSystemOperation(default).Reason);
    }

    [Fact]
    public void CheckSystemOperation_SystemAdministrators_HoldEveryBuiltInOperationByDefault()
    {
        AccessPrincipal root = Company().Principal("Root");

        Assert.All(SystemOperations.BuiltIn, operation =>
        {
            AccessDecision decision = root.CheckSystemOperation(operation.Code);
            Assert.Equal((AccessOutcome.Allow, AccessReason.SystemAdministratorsByDefault), (decision.Outcome, decision.Reason));
            Assert.Equal(BuiltInRoles.SystemAdministrators.ToAdminUnitId(), decision.Grantee);
            Assert.Null(decision.Position);
        });
    }

    [Fact]
    public void CheckSystemOperation_CustomOperationWithoutRows_DeniedToAdministrators()
    {
        Org org = Company();
        org.Builder.Add(new SystemOperationDefinition("CanApproveInvoices"));

        Assert.Equal(AccessReason.NoMatchingSystemOperationRow, org.Principal("Root").CheckSystemOperation("CanApproveInvoices").Reason);
    }

    [Fact]
    public void CheckSystemOperation_ExplicitRowAboveDefault_CanDenyAnAdministrator()
    {
        Org org = Company().Operation(SystemOperations.CanManageSolution, "Root", 0, canExecute: false);

        AccessDecision decision = org.Principal("Root").CheckSystemOperation(SystemOperations.CanManageSolution);

        Assert.Equal((AccessOutcome.Deny, AccessReason.SystemOperationRowDenies), (decision.Outcome, decision.Reason));
        Assert.True(org.Principal("Root").CheckSystemOperation(SystemOperations.CanManageUsers).IsAllowed);
    }

    [Fact]
    public void CheckShare_AuthorOwnerAndTheirManager_MayShare()
    {
        Org org = Company().Record("Deal", "r1", author: "Ann", owner: "Bob");

        Assert.Equal(AccessReason.CanGrant, org.Principal("Ann").CheckShare("Deal", s_r1, RecordOperation.Delete).Reason);
        Assert.Equal(AccessReason.CanGrant, org.Principal("Bob").CheckShare("Deal", s_r1, RecordOperation.Edit).Reason);
        AccessDecision manager = org.Principal("Mia").CheckShare("Deal", s_r1, RecordOperation.Read);
        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.CanGrant), (manager.Outcome, manager.Stage, manager.Reason));
        Assert.Equal(org.Unit("Managers of Sales"), manager.Grantee);
    }

    [Fact]
    public void CheckShare_AllowAndGrantRow_MayShareThatOperationOnly()
    {
        Org org = Company()
            .Record("Deal", "r1")
            .Right("Deal", "r1", "All employees", RecordOperation.Read)
            .Right("Deal", "r1", "Sales", RecordOperation.Edit, RecordRightLevel.AllowAndGrant);
        AccessPrincipal ann = org.Principal("Ann");

        Assert.Equal(AccessReason.CanGrant, ann.CheckShare("Deal", s_r1, RecordOperation.Edit).Reason);
        AccessDecision read = ann.CheckShare("Deal", s_r1, RecordOperation.Read);
        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.NoGrantRight), (read.Outcome, read.Stage, read.Reason));
    }

    [Fact]
    public void CheckShare_WithoutReadingTheRecord_DeniedByTheReadCheck()
    {
        Org org = Company()
            .Record("Deal", "r1")
            .Right("Deal", "r1", "Sales", RecordOperation.Edit, RecordRightLevel.AllowAndGrant);

        AccessDecision decision = org.Principal("Ann").CheckShare("Deal", s_r1, RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Deny, AccessReason.NoRecordRight), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public void CheckShare_CanChangeEntitySchemaRecordRight_MayShareAnyReadableRecord()
    {
        Org org = Company()
            .Record("Deal", "r1")
            .Right("Deal", "r1", "All employees", RecordOperation.Read)
            .Operation(SystemOperations.CanChangeEntitySchemaRecordRight, "Bob", 0);

        AccessDecision decision = org.Principal("Bob").CheckShare("Deal", s_r1, RecordOperation.Delete);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.CanChangeRecordRights), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.Equal(org.Unit("Bob"), decision.Grantee);
        Assert.Equal(0, decision.Position);
    }

    [Fact]
    public void CheckShare_CanChangeEntitySchemaRecordRightWithoutRead_Denied()
    {
        Org org = Company().Record("Deal", "r1").Operation(SystemOperations.CanChangeEntitySchemaRecordRight, "Bob", 0);

        Assert.Equal(AccessReason.NoRecordRight, org.Principal("Bob").CheckShare("Deal", s_r1, RecordOperation.Read).Reason);
    }

    [Fact]
    public void CheckShare_RecordPermissionsOffAndUnknownRecord_DeniedWithUnknownRecord()
    {
        Org org = Company().Object("Note");

        AccessDecision decision = org.Principal("Root").CheckShare("Note", s_r1, RecordOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.UnknownRecord), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckShare_UndefinedOperationValue_DeniedWithInvalidRequest()
    {
        Org org = Company().Record("Deal", "r1", author: "Ann");

        Assert.Equal(AccessReason.InvalidRequest, org.Principal("Ann").CheckShare("Deal", s_r1, (RecordOperation)9).Reason);
    }
}
