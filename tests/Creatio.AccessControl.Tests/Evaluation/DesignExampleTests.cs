using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>The examples DESIGN.md §4 gives, word for word.</summary>
public sealed class DesignExampleTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (Org Org, AccessSnapshot Snapshot) SalesRows(bool managersFirst)
    {
        Org org = new Org()
            .Role("Sales managers", "All employees")
            .User("Manager", "Sales managers")
            .User("Employee");
        org.Builder.Add(new ObjectDefinition("Opportunity") { UseOperationPermissions = true });
        org.Builder.Add(new ObjectOperationRow("Opportunity", org.Unit("Sales managers"), managersFirst ? 0 : 1, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit));
        org.Builder.Add(new ObjectOperationRow("Opportunity", BuiltInRoles.AllEmployees, managersFirst ? 1 : 0, ObjectOperations.Read));
        return (org, org.Compile());
    }

    [Fact]
    public void CheckObject_SalesManagersRowFirst_SalesManagerMayEdit()
    {
        (Org org, AccessSnapshot snapshot) = SalesRows(managersFirst: true);

        AccessDecision decision = snapshot.GetPrincipal(org.UserId("Manager"), s_now).CheckObject("Opportunity", ObjectOperation.Edit);

        Assert.True(decision.IsAllowed);
        Assert.Equal(AccessStage.Object, decision.Stage);
        Assert.Equal(AccessReason.ObjectRowAllows, decision.Reason);
        Assert.Equal(org.Unit("Sales managers"), decision.Grantee);
        Assert.Equal(0, decision.Position);
    }

    [Fact]
    public void CheckObject_SalesManagersRowFirst_EmployeeMayOnlyRead()
    {
        (Org org, AccessSnapshot snapshot) = SalesRows(managersFirst: true);
        AccessPrincipal employee = snapshot.GetPrincipal(org.UserId("Employee"), s_now);

        Assert.True(employee.CheckObject("Opportunity", ObjectOperation.Read).IsAllowed);
        AccessDecision edit = employee.CheckObject("Opportunity", ObjectOperation.Edit);
        Assert.False(edit.IsAllowed);
        Assert.Equal(AccessReason.ObjectRowDenies, edit.Reason);
        Assert.Equal(BuiltInRoles.AllEmployees.ToAdminUnitId(), edit.Grantee);
    }

    [Fact]
    public void CheckObject_RowsSwapped_SalesManagerMayOnlyRead()
    {
        (Org org, AccessSnapshot snapshot) = SalesRows(managersFirst: false);
        AccessPrincipal manager = snapshot.GetPrincipal(org.UserId("Manager"), s_now);

        Assert.True(manager.CheckObject("Opportunity", ObjectOperation.Read).IsAllowed);
        Assert.False(manager.CheckObject("Opportunity", ObjectOperation.Edit).IsAllowed);
    }

    [Fact]
    public void Explain_SalesManagerEdit_ListsBothRowsAndMarksTheDecidingOne()
    {
        (Org org, AccessSnapshot snapshot) = SalesRows(managersFirst: true);

        AccessExplanation explanation = snapshot.GetPrincipal(org.UserId("Manager"), s_now)
            .Explain(AccessRequest.ForObject("Opportunity", ObjectOperation.Edit));

        AccessExplanationStep objectStep = Assert.Single(explanation.Steps, s => s.Stage == AccessStage.Object);
        Assert.Equal(2, objectStep.Rows.Count);
        Assert.True(objectStep.Rows[0].Decides);
        Assert.Equal("Sales managers", objectStep.Rows[0].GranteeName);
        Assert.Contains("Sales managers", explanation.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"decides\":true", explanation.ToJson(), StringComparison.Ordinal);
    }
}
