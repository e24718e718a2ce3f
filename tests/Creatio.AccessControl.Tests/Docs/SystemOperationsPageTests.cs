using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/system-operations.md</c>, as the page states them.</summary>
public sealed class SystemOperationsPageTests
{
    private static readonly Org s_org = Example();
    private static readonly AccessSnapshot s_snapshot = s_org.Compile();

    [Theory]
    [InlineData("Bob", "CanExportGrid", "Allow at SystemOperation: SystemOperationRowAllows (Sales department, 0)")]
    [InlineData("Helen", "CanExportGrid", "Deny at SystemOperation: SystemOperationRowDenies (Head office, 1)")]
    [InlineData("Dana", "CanExportGrid", "Allow at SystemOperation: SystemOperationRowAllows (All employees, 2)")]
    [InlineData("Pat", "CanExportGrid", "Deny at SystemOperation: NoMatchingSystemOperationRow")]
    [InlineData("Irene", "CanManageUsers", "Allow at SystemOperation: SystemAdministratorsByDefault (System administrators)")]
    [InlineData("Irene", "CanExportGrid", "Deny at SystemOperation: SystemOperationRowDenies (Head office, 1)")]
    [InlineData("Irene", "CanRunPayroll", "Deny at SystemOperation: NoMatchingSystemOperationRow")]
    [InlineData("Irene", "CanFly", "Deny at SystemOperation: UnknownSystemOperation")]
    public void Examples_DecideAsThePageSays(string user, string code, string expected)
    {
        AccessDecision decision = s_snapshot.GetPrincipal(s_org.UserId(user), Now).CheckSystemOperation(code);

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Fact]
    public void ExportGrid_DoesNotWidenDataAccess()
    {
        AccessDecision decision = s_snapshot.GetPrincipal(s_org.UserId("Dana"), Now).CheckObject("Contact", ObjectOperation.Read);

        Assert.Equal("Deny at Object: NoMatchingObjectRow", Describe(s_org, decision));
    }

    private static Org Example()
    {
        Org org = Organization()
            .Operation(SystemOperations.CanExportGrid, "Sales department", 0)
            .Operation(SystemOperations.CanExportGrid, "Head office", 1, canExecute: false)
            .Operation(SystemOperations.CanExportGrid, "All employees", 2)
            .Object("Contact", operations: true)
            .ObjectRow("Contact", "Sales department", 0, ObjectOperations.Read);
        org.Builder.Add(new SystemOperationDefinition("CanRunPayroll"));
        return org;
    }
}
