using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>DESIGN.md §3 steps 1, 3 and 4 and §11: the user step, unknown names, super operations, object operation rows.</summary>
public sealed class CheckObjectTests
{
    private static Org Sales() => new Org()
        .Role("Sales", "All employees")
        .User("Ann", "Sales")
        .User("Bob")
        .Object("Invoice", operations: true);

    [Fact]
    public void AnyCheck_InactiveUser_DeniedAtUserStep()
    {
        Org org = Sales().Inactive("Ina", "System administrators").ObjectRow("Invoice", "All employees", 0, ObjectOperations.All);
        AccessPrincipal ina = org.Principal("Ina");

        AccessDecision[] decisions =
        [
            ina.CheckObject("Invoice", ObjectOperation.Read),
            ina.CheckRecord("Invoice", Ids.Record("r"), RecordOperation.Read),
            ina.CheckColumn("Invoice", "Id", ColumnOperation.Read),
            ina.CheckSystemOperation(SystemOperations.CanManageUsers),
            ina.CheckShare("Invoice", Ids.Record("r"), RecordOperation.Read),
        ];

        Assert.All(decisions, d => Assert.Equal((AccessOutcome.Deny, AccessStage.User, AccessReason.InactiveUser), (d.Outcome, d.Stage, d.Reason)));
    }

    [Fact]
    public void AnyCheck_UnknownUser_DeniedWithUnknownUser()
    {
        AccessPrincipal nobody = Sales().Compile().GetPrincipal(Ids.User("nobody"), DateTimeOffset.UnixEpoch);

        Assert.False(nobody.IsKnown);
        Assert.Equal(AccessReason.UnknownUser, nobody.CheckObject("Invoice", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.UnknownUser, nobody.CheckSystemOperation(SystemOperations.CanManageUsers).Reason);
        Assert.Equal(AccessStage.User, nobody.CheckColumn("Invoice", "Id", ColumnOperation.Read).Stage);
    }

    [Fact]
    public void CheckObject_UnknownObject_DeniedWithUnknownObjectEvenForSuperOperation()
    {
        Org org = Sales().Member("Ann", "System administrators");

        AccessDecision decision = org.Principal("Ann").CheckObject("Nothing", ObjectOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.UnknownObject), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckObject_DefaultObjectName_DeniedWithUnknownObject()
    {
        Assert.Equal(AccessReason.UnknownObject, Sales().Principal("Ann").CheckObject(default, ObjectOperation.Read).Reason);
    }

    [Fact]
    public void CheckObject_UndefinedOperationValue_DeniedWithInvalidRequest()
    {
        Org org = Sales().Member("Ann", "System administrators");
        AccessPrincipal ann = org.Principal("Ann");

        Assert.Equal(AccessReason.InvalidRequest, ann.CheckObject("Invoice", (ObjectOperation)7).Reason);
        Assert.Equal(AccessReason.InvalidRequest, ann.CheckRecord("Invoice", Ids.Record("r"), (RecordOperation)7).Reason);
        Assert.Equal(AccessReason.InvalidRequest, ann.CheckColumn("Invoice", "Id", (ColumnOperation)7).Reason);
        Assert.Equal(AccessReason.InvalidRequest, ann.Check(AccessRequest.ForObject("Invoice", (ObjectOperation)(-1))).Reason);
        Assert.Equal(AccessReason.InvalidRequest, ann.CheckRecord("Invoice", Ids.Record("r"), (RecordOperation)(-1)).Reason);
        Assert.Equal(AccessReason.InvalidRequest, ann.CheckColumn("Invoice", "Id", (ColumnOperation)(-1)).Reason);
        Assert.Equal(AccessReason.InvalidRequest, ann.CheckShare("Invoice", Ids.Record("r"), (RecordOperation)(-1)).Reason);
        Assert.Equal(0, ann.FilterRecords("Invoice", (RecordOperation)(-1), [Ids.Record("r")], new RecordId[1]));
        Assert.Equal(RecordFilterKind.None, ann.GetRecordFilter("Invoice", (RecordOperation)(-1)).Kind);
    }

    [Theory]
    [InlineData("CanSelectEverything", ObjectOperation.Read)]
    [InlineData("CanInsertEverything", ObjectOperation.Create)]
    [InlineData("CanUpdateEverything", ObjectOperation.Edit)]
    [InlineData("CanDeleteEverything", ObjectOperation.Delete)]
    public void CheckObject_SuperOperationHeld_AllowsItsOperationOnly(string code, ObjectOperation operation)
    {
        Org org = Sales().Operation(code, "Sales", 0);
        AccessPrincipal ann = org.Principal("Ann");

        AccessDecision decision = ann.CheckObject("Invoice", operation);

        Assert.Equal((AccessOutcome.Allow, AccessStage.SuperOperation, AccessReason.SuperOperation), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.Equal(org.Unit("Sales"), decision.Grantee);
        Assert.Equal(0, decision.Position);
        foreach (ObjectOperation other in Enum.GetValues<ObjectOperation>().Where(o => o != operation))
        {
            Assert.Equal(AccessReason.NoMatchingObjectRow, ann.CheckObject("Invoice", other).Reason);
        }
    }

    [Fact]
    public void CheckRecordAndColumn_SuperOperationHeld_SkipRecordAndColumnSteps()
    {
        Org org = Sales()
            .Object("Deal", true, true, false, "Secret")
            .ObjectRow("Deal", "All employees", 0, ObjectOperations.None)
            .ColumnRow("Deal", "Secret", "All employees", 0, ColumnRightLevel.Deny)
            .Record("Deal", "d1")
            .Operation(SystemOperations.CanSelectEverything, "Ann", 0);
        AccessPrincipal ann = org.Principal("Ann");

        Assert.Equal(AccessStage.SuperOperation, ann.CheckRecord("Deal", Ids.Record("d1"), RecordOperation.Read).Stage);
        Assert.Equal(AccessStage.SuperOperation, ann.CheckRecord("Deal", Ids.Record("unknown"), RecordOperation.Read).Stage);
        Assert.Equal(AccessStage.SuperOperation, ann.CheckColumn("Deal", Ids.Record("d1"), "Secret", ColumnOperation.Read).Stage);
        Assert.False(ann.CheckColumn("Deal", "Secret", ColumnOperation.Edit).IsAllowed);
        Assert.False(ann.CheckRecord("Deal", Ids.Record("d1"), RecordOperation.Delete).IsAllowed);
    }

    [Fact]
    public void CheckObject_FirstMatchingRowClearsFlag_DeniedThoughLowerRowAllows()
    {
        Org org = Sales()
            .ObjectRow("Invoice", "Sales", 0, ObjectOperations.Read)
            .ObjectRow("Invoice", "All employees", 1, ObjectOperations.All);

        AccessDecision decision = org.Principal("Ann").CheckObject("Invoice", ObjectOperation.Delete);

        Assert.Equal((AccessOutcome.Deny, AccessReason.ObjectRowDenies), (decision.Outcome, decision.Reason));
        Assert.Equal(org.Unit("Sales"), decision.Grantee);
        Assert.Equal(0, decision.Position);
        Assert.True(org.Principal("Bob").CheckObject("Invoice", ObjectOperation.Delete).IsAllowed);
    }

    [Fact]
    public void CheckObject_RowsAddedOutOfPositionOrder_DecidedByPosition()
    {
        Org org = Sales()
            .ObjectRow("Invoice", "All employees", 5, ObjectOperations.Read)
            .ObjectRow("Invoice", "Sales", 2, ObjectOperations.Edit);

        AccessDecision decision = org.Principal("Ann").CheckObject("Invoice", ObjectOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessReason.ObjectRowAllows, 2), (decision.Outcome, decision.Reason, decision.Position!.Value));
    }

    [Fact]
    public void CheckObject_NoMatchingRow_Denied()
    {
        Org org = Sales().ObjectRow("Invoice", "Sales", 0, ObjectOperations.All);

        AccessDecision decision = org.Principal("Bob").CheckObject("Invoice", ObjectOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.NoMatchingObjectRow), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.Null(decision.Grantee);
    }

    [Fact]
    public void CheckObject_OperationPermissionsOff_EmployeeMayDoAllFourPortalUserNothing()
    {
        Org org = new Org().Portal("Pat", "All portal users").User("Bob").Object("Note", operations: false, portal: true);
        AccessPrincipal bob = org.Principal("Bob");
        AccessPrincipal pat = org.Principal("Pat");

        foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
        {
            Assert.Equal((AccessOutcome.Allow, AccessReason.OperationPermissionsOff), (bob.CheckObject("Note", operation).Outcome, bob.CheckObject("Note", operation).Reason));
            Assert.Equal((AccessOutcome.Deny, AccessReason.PortalUserLeastAccess), (pat.CheckObject("Note", operation).Outcome, pat.CheckObject("Note", operation).Reason));
        }
    }

    [Fact]
    public void CheckObject_SystemOperationGrantsObjectAccess_UnionWithRowDecision()
    {
        Org org = Sales()
            .ObjectRow("Invoice", "All employees", 0, ObjectOperations.Read)
            .Operation("CanApproveInvoices", "Sales", 0);
        org.Builder.Add(new SystemOperationDefinition("CanApproveInvoices") { ObjectAccess = [new ObjectAccessGrant("Invoice", ObjectOperations.Read | ObjectOperations.Edit)] });
        AccessPrincipal ann = org.Principal("Ann");
        AccessPrincipal bob = org.Principal("Bob");

        AccessDecision edit = ann.CheckObject("Invoice", ObjectOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Object, AccessReason.GrantedBySystemOperation), (edit.Outcome, edit.Stage, edit.Reason));
        Assert.Equal(AccessReason.ObjectRowAllows, ann.CheckObject("Invoice", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.ObjectRowDenies, ann.CheckObject("Invoice", ObjectOperation.Delete).Reason);
        Assert.Equal(AccessReason.ObjectRowDenies, bob.CheckObject("Invoice", ObjectOperation.Edit).Reason);
    }

    [Fact]
    public void CheckObject_SystemOperationGrantingObjectAccessDeniedByRow_GrantsNothing()
    {
        Org org = Sales()
            .Operation("CanApproveInvoices", "Sales", 0, canExecute: false)
            .Operation("CanApproveInvoices", "All employees", 1);
        org.Builder.Add(new SystemOperationDefinition("CanApproveInvoices") { ObjectAccess = [new ObjectAccessGrant("Invoice", ObjectOperations.Edit)] });

        Assert.Equal(AccessReason.NoMatchingObjectRow, org.Principal("Ann").CheckObject("Invoice", ObjectOperation.Edit).Reason);
        Assert.Equal(AccessReason.GrantedBySystemOperation, org.Principal("Bob").CheckObject("Invoice", ObjectOperation.Edit).Reason);
    }

    [Fact]
    public void AnyCheck_DefaultPrincipal_DeniedEverything()
    {
        AccessPrincipal none = default;

        Assert.False(none.IsKnown);
        Assert.Equal(AccessReason.UnknownUser, none.CheckObject("Invoice", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.UnknownUser, none.CheckRecord("Invoice", Ids.Record("r"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.UnknownUser, none.CheckColumn("Invoice", "Id", ColumnOperation.Read).Reason);
        Assert.Equal(AccessReason.UnknownUser, none.CheckSystemOperation(SystemOperations.CanManageUsers).Reason);
        Assert.Equal(AccessReason.UnknownUser, none.CheckShare("Invoice", Ids.Record("r"), RecordOperation.Read).Reason);
        Assert.Equal(0, none.FilterRecords("Invoice", RecordOperation.Read, [Ids.Record("r")], new RecordId[1]));
        Assert.Equal(RecordFilterKind.None, none.GetRecordFilter("Invoice", RecordOperation.Read).Kind);
        Assert.Empty(none.GetColumnAccess("Invoice").Readable);
        Assert.Equal(AccessReason.UnknownUser, none.Explain(AccessRequest.ForObject("Invoice", ObjectOperation.Read)).Decision.Reason);
    }
}
