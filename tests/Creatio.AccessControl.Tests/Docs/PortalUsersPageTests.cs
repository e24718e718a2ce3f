using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/portal-users.md</c>, as the page states them.</summary>
public sealed class PortalUsersPageTests
{
    [Theory]
    [InlineData(PortalAvailabilityMode.Lookup, "Pat", "Case", "Deny at Object: PortalUserLeastAccess")]
    [InlineData(PortalAvailabilityMode.Lookup, "Pat", "KnowledgeBase", "Deny at PortalAvailability: NotAvailableForPortal")]
    [InlineData(PortalAvailabilityMode.Lookup, "Bob", "Case", "Allow at Object: OperationPermissionsOff")]
    [InlineData(PortalAvailabilityMode.OperationPermissions, "Pat", "Case", "Deny at PortalAvailability: NotAvailableForPortal")]
    [InlineData(PortalAvailabilityMode.OperationPermissions, "Pat", "KnowledgeBase", "Allow at Object: ObjectRowAllows (All portal users, 0)")]
    [InlineData(PortalAvailabilityMode.OperationPermissions, "Bob", "Case", "Allow at Object: OperationPermissionsOff")]
    public void PortalAvailability_DecidesAsThePageSays(PortalAvailabilityMode mode, string user, string objectName, string expected)
    {
        Org org = Example().Settings(mode);

        AccessDecision decision = org.Compile().GetPrincipal(org.UserId(user), Now).CheckObject(objectName, ObjectOperation.Read);

        Assert.Equal(expected, Describe(org, decision));
    }

    [Fact]
    public void LeastAccess_DecidesAsThePageSays()
    {
        Org org = Example();
        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal pat = snapshot.GetPrincipal(org.UserId("Pat"), Now);

        Assert.Equal("Allow at Object: ObjectRowAllows (Acme, 0)", Describe(org, pat.CheckObject("Portal", ObjectOperation.Create)));
        Assert.Equal("Deny at Object: ObjectRowDenies (Acme, 0)", Describe(org, pat.CheckObject("Portal", ObjectOperation.Edit)));
        Assert.Equal("Allow at Record: RecordAuthor (Pat)", Describe(org, pat.CheckRecord("Portal", Ids.Record("p"), RecordOperation.Read)));
        Assert.Equal("Deny at Record: NoRecordRight", Describe(org, snapshot.GetPrincipal(org.UserId("Quinn"), Now).CheckRecord("Portal", Ids.Record("p"), RecordOperation.Read)));
        Assert.Equal("Deny at Column: SystemColumnForPortalUser", Describe(org, pat.CheckColumn("Portal", Ids.Record("p"), "CreatedOn", ColumnOperation.Read)));
    }

    [Fact]
    public async Task Colleagues_ReadWhatTheAuthorsPortalOrganizationIsGranted()
    {
        Org org = Example();
        org.Builder.Add(new DefaultRecordRightRule("Portal", BuiltInRoles.AllPortalUsers, null, RecordOperation.Read, RecordRightLevel.Allow));
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);

        AccessChangeResult created = await administration.ApplyAsync(
            AccessActor.ForUser(org.UserId("Pat")), new CreateRecord(new RecordDefinition("Portal", Ids.Record("p2"), org.UserId("Pat"))));

        Assert.True(created.IsApplied);
        Assert.Equal("Allow at Record: RecordRight (Acme)", Describe(org, evaluator.CheckRecord(org.UserId("Quinn"), "Portal", Ids.Record("p2"), RecordOperation.Read)));
    }

    private static Org Example() =>
        Organization()
            .Object("Case", operations: false, records: false, portal: true)
            .Object("KnowledgeBase", operations: true)
            .ObjectRow("KnowledgeBase", "All portal users", 0, ObjectOperations.Read)
            .ObjectRow("KnowledgeBase", "All employees", 1, ObjectOperations.All)
            .Object("Portal", operations: true, records: false, portal: true)
            .ObjectRow("Portal", "Acme", 0, ObjectOperations.Read | ObjectOperations.Create)
            .Record("Portal", "p", author: "Pat");
}
