using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/check-order.md</c>, as the page states them.</summary>
public sealed class CheckOrderPageTests
{
    private static readonly Org s_org = SuperOperationExample();
    private static readonly AccessSnapshot s_snapshot = s_org.Compile();

    [Theory]
    [InlineData("Olga", "Read", "Allow at SuperOperation: SuperOperation (Auditors, 0)")]
    [InlineData("Olga", "Edit", "Deny at Object: NoMatchingObjectRow")]
    [InlineData("Ivan", "Read", "Deny at User: InactiveUser")]
    [InlineData("Pat", "Read", "Deny at PortalAvailability: NotAvailableForPortal")]
    public void SuperOperations_ObjectRequests(string user, string operation, string expected)
    {
        AccessDecision decision = Principal(user).CheckObject("Invoice", Enum.Parse<ObjectOperation>(operation));

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Fact]
    public void SuperOperations_RecordNotLookedUp()
    {
        AccessDecision decision = Principal("Olga").CheckRecord("Invoice", Ids.Record("never loaded"), RecordOperation.Read);

        Assert.Equal("Allow at SuperOperation: SuperOperation (Auditors, 0)", Describe(s_org, decision));
    }

    [Fact]
    public void SuperOperations_ColumnRowsNotConsulted()
    {
        AccessDecision decision = Principal("Olga").CheckColumn("Invoice", "Amount", ColumnOperation.Read);

        Assert.Equal("Allow at SuperOperation: SuperOperation (Auditors, 0)", Describe(s_org, decision));
    }

    [Fact]
    public void UnknownNames_DenyWithTheirReasons()
    {
        AccessPrincipal olga = Principal("Olga");

        Assert.Equal("Deny at User: UnknownUser", Describe(s_org, s_snapshot.GetPrincipal(Ids.User("Nobody"), Now).CheckObject("Invoice", ObjectOperation.Read)));
        Assert.Equal("Deny at Object: UnknownObject", Describe(s_org, olga.CheckObject("Nothing", ObjectOperation.Read)));
        Assert.Equal("Deny at Object: InvalidRequest", Describe(s_org, olga.CheckObject("Invoice", (ObjectOperation)7)));
        Assert.Equal("Deny at Column: UnknownColumn", Describe(s_org, olga.CheckColumn("Invoice", "Nope", ColumnOperation.Read)));
    }

    private static AccessPrincipal Principal(string user) => s_snapshot.GetPrincipal(s_org.UserId(user), Now);

    private static Org SuperOperationExample()
    {
        Org org = Organization()
            .Role("Auditors", "Head office")
            .User("Olga", "Auditors")
            .Inactive("Ivan", "Auditors")
            .Operation(SystemOperations.CanSelectEverything, "Auditors", 0)
            .Operation(SystemOperations.CanSelectEverything, "Pat", 1)
            .Object("Invoice", operations: true, records: true, portal: false, "Amount")
            .ObjectRow("Invoice", "Sales department", 0, ObjectOperations.All)
            .ColumnRow("Invoice", "Amount", "Sales department", 0, ColumnRightLevel.ReadEdit);
        return org;
    }
}
