using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>DESIGN.md §9: portal users, and its examples.</summary>
public sealed class PortalTests
{
    private static Org Portal(PortalAvailabilityMode mode) => new Org()
        .Settings(mode)
        .Organization("Acme", "All portal users")
        .Organization("Globex", "All portal users")
        .Portal("Pat", "Acme")
        .Portal("Peg", "Acme")
        .Portal("Gus", "Globex")
        .User("Bob")
        .Object("Case", operations: true, records: false, portal: true)
        .ObjectRow("Case", "All portal users", 0, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit)
        .ObjectRow("Case", "All employees", 1, ObjectOperations.All);

    [Fact]
    public void CheckObject_LookupModeObjectNotInList_PortalUserDeniedEmployeeNot()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup)
            .Object("Invoice", operations: true, portal: false)
            .ObjectRow("Invoice", "All portal users", 0, ObjectOperations.All)
            .ObjectRow("Invoice", "All employees", 1, ObjectOperations.All);

        AccessDecision decision = org.Principal("Pat").CheckObject("Invoice", ObjectOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.PortalAvailability, AccessReason.NotAvailableForPortal), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.True(org.Principal("Bob").CheckObject("Invoice", ObjectOperation.Read).IsAllowed);
        Assert.Equal(AccessReason.ObjectRowAllows, org.Principal("Pat").CheckObject("Case", ObjectOperation.Read).Reason);
    }

    [Fact]
    public void CheckObject_LookupModeObjectInListWithoutOperationPermissions_PortalUserGetsLeastAccess()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup).Object("Faq", operations: false, portal: true);

        Assert.Equal(AccessReason.PortalUserLeastAccess, org.Principal("Pat").CheckObject("Faq", ObjectOperation.Read).Reason);
    }

    [Fact]
    public void CheckObject_OperationPermissionsMode_ListIgnoredOperationPermissionsRequired()
    {
        Org org = Portal(PortalAvailabilityMode.OperationPermissions)
            .Object("Invoice", operations: true, portal: false)
            .ObjectRow("Invoice", "All portal users", 0, ObjectOperations.Read)
            .Object("Faq", operations: false, portal: true);
        AccessPrincipal pat = org.Principal("Pat");

        Assert.Equal(AccessReason.ObjectRowAllows, pat.CheckObject("Invoice", ObjectOperation.Read).Reason);
        AccessDecision faq = pat.CheckObject("Faq", ObjectOperation.Read);
        Assert.Equal((AccessOutcome.Deny, AccessStage.PortalAvailability, AccessReason.NotAvailableForPortal), (faq.Outcome, faq.Stage, faq.Reason));
        Assert.True(org.Principal("Bob").CheckObject("Faq", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public void CheckObject_SuperOperationOnUnavailableObject_PortalUserStillDenied()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup)
            .Object("Invoice", operations: true, portal: false)
            .Operation(SystemOperations.CanSelectEverything, "Pat", 0);

        Assert.Equal(AccessReason.NotAvailableForPortal, org.Principal("Pat").CheckObject("Invoice", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.SuperOperation, org.Principal("Pat").CheckObject("Case", ObjectOperation.Read).Reason);
    }

    [Fact]
    public void CheckRecord_RecordPermissionsOff_PortalUserStillGetsLeastAccess()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup)
            .Record("Case", "own", author: "Pat")
            .Record("Case", "owned", owner: "Pat")
            .Record("Case", "other", author: "Gus");
        AccessPrincipal pat = org.Principal("Pat");

        Assert.Equal(AccessReason.RecordAuthor, pat.CheckRecord("Case", Ids.Record("own"), RecordOperation.Edit).Reason);
        Assert.Equal(AccessReason.RecordOwner, pat.CheckRecord("Case", Ids.Record("owned"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.NoRecordRight, pat.CheckRecord("Case", Ids.Record("other"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.UnknownRecord, pat.CheckRecord("Case", Ids.Record("never defined"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.RecordPermissionsOff, org.Principal("Bob").CheckRecord("Case", Ids.Record("other"), RecordOperation.Read).Reason);
    }

    [Fact]
    public void CheckRecord_RowGrantedToPortalOrganization_ItsUsersAllowedOthersNot()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup)
            .Record("Case", "c1", author: "Gus")
            .Right("Case", "c1", "Acme", RecordOperation.Read);

        AccessDecision peg = org.Principal("Peg").CheckRecord("Case", Ids.Record("c1"), RecordOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordRight), (peg.Outcome, peg.Reason));
        Assert.Equal(org.Unit("Acme"), peg.Grantee);
        Assert.False(org.Principal("Peg").CheckRecord("Case", Ids.Record("c1"), RecordOperation.Edit).IsAllowed);
    }

    [Fact]
    public void CheckRecord_ColleagueInSamePortalOrganization_SeesRecordOnlyThroughDefaultRow()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup)
            .Record("Case", "shared", author: "Pat")
            .Record("Case", "private", author: "Pat");
        org.Builder.Add(new RecordRightRow("Case", Ids.Record("shared"), org.Unit("Acme"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default));
        AccessPrincipal peg = org.Principal("Peg");

        Assert.True(peg.CheckRecord("Case", Ids.Record("shared"), RecordOperation.Read).IsAllowed);
        Assert.Equal(AccessReason.NoRecordRight, peg.CheckRecord("Case", Ids.Record("private"), RecordOperation.Read).Reason);
        Assert.False(org.Principal("Gus").CheckRecord("Case", Ids.Record("shared"), RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public void CheckObject_PortalUser_NothingOfAllEmployees()
    {
        Org org = Portal(PortalAvailabilityMode.Lookup)
            .Object("Invoice", operations: true, portal: true)
            .ObjectRow("Invoice", "All employees", 0, ObjectOperations.All);

        Assert.Equal(AccessReason.NoMatchingObjectRow, org.Principal("Pat").CheckObject("Invoice", ObjectOperation.Read).Reason);
    }
}
