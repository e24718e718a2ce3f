using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/object-operations.md</c> and of the decision-reading section of <c>docs/README.md</c>,
/// as the pages state them.</summary>
public sealed class ObjectOperationsPageTests
{
    [Theory]
    [InlineData("Mia", "Opportunity", "Edit", "Allow at Object: ObjectRowAllows (Sales managers, 0)")]
    [InlineData("Mia", "Opportunity", "Delete", "Deny at Object: ObjectRowDenies (Sales managers, 0)")]
    [InlineData("Bob", "Opportunity", "Edit", "Deny at Object: ObjectRowDenies (All employees, 1)")]
    [InlineData("Bob", "Opportunity", "Read", "Allow at Object: ObjectRowAllows (All employees, 1)")]
    [InlineData("Helen", "Contract", "Read", "Deny at Object: NoMatchingObjectRow")]
    [InlineData("Helen", "Activity", "Delete", "Allow at Object: OperationPermissionsOff")]
    [InlineData("Fred", "Invoice", "Read", "Allow at Object: ObjectRowAllows (Finance, 0)")]
    [InlineData("Fred", "Invoice", "Edit", "Allow at Object: GrantedBySystemOperation")]
    [InlineData("Fred", "Invoice", "Delete", "Deny at Object: ObjectRowDenies (Finance, 0)")]
    [InlineData("Bob", "Invoice", "Edit", "Allow at Object: GrantedBySystemOperation")]
    [InlineData("Helen", "Invoice", "Edit", "Deny at Object: NoMatchingObjectRow")]
    public void Examples_DecideAsThePageSays(string user, string objectName, string operation, string expected)
    {
        Org org = Example(salesManagersFirst: true);

        AccessDecision decision = org.Compile().GetPrincipal(org.UserId(user), Now).CheckObject(objectName, Enum.Parse<ObjectOperation>(operation));

        Assert.Equal(expected, Describe(org, decision));
    }

    [Fact]
    public void RowsSwapped_SalesManagerMayOnlyRead()
    {
        Org org = Example(salesManagersFirst: false);

        AccessDecision decision = org.Compile().GetPrincipal(org.UserId("Mia"), Now).CheckObject("Opportunity", ObjectOperation.Edit);

        Assert.Equal("Deny at Object: ObjectRowDenies (All employees, 0)", Describe(org, decision));
    }

    [Fact]
    public void OnlyTheFirstRow_HelenMatchesNoRow()
    {
        Org org = Organization()
            .Role("Sales managers", "Sales department", AdminUnitKind.Team)
            .Object("Opportunity", operations: true)
            .ObjectRow("Opportunity", "Sales managers", 0, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit);

        AccessDecision decision = org.Compile().GetPrincipal(org.UserId("Helen"), Now).CheckObject("Opportunity", ObjectOperation.Read);

        Assert.Equal("Deny at Object: NoMatchingObjectRow", Describe(org, decision));
    }

    private static Org Example(bool salesManagersFirst)
    {
        Org org = Organization()
            .Role("Sales managers", "Sales department", AdminUnitKind.Team)
            .User("Mia", "Sales managers")
            .Role("Finance", "Head office")
            .User("Fred", "Finance")
            .Object("Opportunity", operations: true)
            .ObjectRow("Opportunity", "Sales managers", salesManagersFirst ? 0 : 1, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit)
            .ObjectRow("Opportunity", "All employees", salesManagersFirst ? 1 : 0, ObjectOperations.Read)
            .Object("Contract", operations: true)
            .ObjectRow("Contract", "Sales department", 0, ObjectOperations.All)
            .Object("Activity")
            .Object("Invoice", operations: true)
            .ObjectRow("Invoice", "Finance", 0, ObjectOperations.Read)
            .Operation("CanApproveInvoices", "Fred", 0)
            .Operation("CanApproveInvoices", "Bob", 1);
        org.Builder.Add(new SystemOperationDefinition("CanApproveInvoices")
        {
            ObjectAccess = [new ObjectAccessGrant("Invoice", ObjectOperations.Read | ObjectOperations.Edit)],
        });
        return org;
    }
}
