using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>DESIGN.md §5: record rights, implicit rights of authors, owners and their managers, the record switch.</summary>
public sealed class CheckRecordTests
{
    private static readonly RecordId s_r1 = Ids.Record("r1");

    /// <summary>Head office › Sales › Sales Boston, each with a manager unit; Sales Boston's manager unit for Mia,
    /// Head office's for Hal; Sam in Sales Boston, Sue in Sales, Bob elsewhere.</summary>
    private static Org Company() => new Org()
        .Organization("Head office", "All employees")
        .Role("Sales", "Head office")
        .Role("Sales Boston", "Sales")
        .Managers("Head office")
        .Managers("Sales Boston")
        .Role("Support", "All employees")
        .User("Sam", "Sales Boston")
        .User("Sue", "Sales")
        .User("Mia", "Managers of Sales Boston")
        .User("Hal", "Managers of Head office")
        .User("Bob", "Support")
        .Object("Deal", operations: false, records: true);

    [Fact]
    public void CheckRecord_RowsForSeveralRoles_AnyMatchingRowAllows()
    {
        Org org = Company()
            .Record("Deal", "r1")
            .Right("Deal", "r1", "Support", RecordOperation.Read)
            .Right("Deal", "r1", "Sales", RecordOperation.Read);

        AccessDecision sam = org.Principal("Sam").CheckRecord("Deal", s_r1, RecordOperation.Read);
        AccessDecision bob = org.Principal("Bob").CheckRecord("Deal", s_r1, RecordOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.RecordRight), (sam.Outcome, sam.Stage, sam.Reason));
        Assert.Equal(org.Unit("Sales"), sam.Grantee);
        Assert.Equal(org.Unit("Support"), bob.Grantee);
    }

    [Fact]
    public void CheckRecord_RowForAnotherOperation_DeniedWithNoRecordRight()
    {
        Org org = Company().Record("Deal", "r1").Right("Deal", "r1", "Sales", RecordOperation.Read);

        AccessDecision decision = org.Principal("Sam").CheckRecord("Deal", s_r1, RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.NoRecordRight), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckRecord_DenyLevelRow_NeitherGrantsNorTakesAway()
    {
        Org org = Company()
            .Record("Deal", "r1")
            .Right("Deal", "r1", "Sales Boston", RecordOperation.Edit, RecordRightLevel.Deny)
            .Right("Deal", "r1", "Head office", RecordOperation.Edit)
            .Right("Deal", "r1", "Support", RecordOperation.Read, RecordRightLevel.Deny);

        Assert.Equal(AccessReason.RecordRight, org.Principal("Sam").CheckRecord("Deal", s_r1, RecordOperation.Edit).Reason);
        Assert.Equal(AccessReason.NoRecordRight, org.Principal("Bob").CheckRecord("Deal", s_r1, RecordOperation.Read).Reason);
    }

    [Fact]
    public void CheckRecord_AllowAndGrantRow_ImpliesAllow()
    {
        Org org = Company().Record("Deal", "r1").Right("Deal", "r1", "Support", RecordOperation.Delete, RecordRightLevel.AllowAndGrant);

        AccessDecision decision = org.Principal("Bob").CheckRecord("Deal", s_r1, RecordOperation.Delete);

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordRight), (decision.Outcome, decision.Reason));
    }

    [Theory]
    [InlineData(RecordOperation.Read)]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public void CheckRecord_Author_AllowedEveryOperation(RecordOperation operation)
    {
        Org org = Company().Record("Deal", "r1", author: "Sam");

        AccessDecision decision = org.Principal("Sam").CheckRecord("Deal", s_r1, operation);

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordAuthor), (decision.Outcome, decision.Reason));
        Assert.Equal(org.Unit("Sam"), decision.Grantee);
    }

    [Fact]
    public void CheckRecord_Owner_AllowedWithRecordOwner()
    {
        Org org = Company().Record("Deal", "r1", author: "Bob", owner: "Sue");

        AccessDecision decision = org.Principal("Sue").CheckRecord("Deal", s_r1, RecordOperation.Delete);

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordOwner), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public void CheckRecord_ManagerUnitOfAuthorsRole_AllowedWithManagerOfAuthorOrOwner()
    {
        Org org = Company().Record("Deal", "r1", author: "Sam");

        AccessDecision decision = org.Principal("Mia").CheckRecord("Deal", s_r1, RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessReason.ManagerOfAuthorOrOwner), (decision.Outcome, decision.Reason));
        Assert.Equal(org.Unit("Managers of Sales Boston"), decision.Grantee);
    }

    [Fact]
    public void CheckRecord_ManagerUnitOfOwnersRole_Allowed()
    {
        Org org = Company().Record("Deal", "r1", author: "Bob", owner: "Sam");

        Assert.Equal(AccessReason.ManagerOfAuthorOrOwner, org.Principal("Mia").CheckRecord("Deal", s_r1, RecordOperation.Delete).Reason);
    }

    [Fact]
    public void CheckRecord_ManagerAboveThroughSubtree_Allowed()
    {
        Org org = Company().Record("Deal", "r1", author: "Sam");

        AccessDecision decision = org.Principal("Hal").CheckRecord("Deal", s_r1, RecordOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessReason.ManagerOfAuthorOrOwner), (decision.Outcome, decision.Reason));
        Assert.Equal(org.Unit("Managers of Sales Boston"), decision.Grantee);
    }

    [Fact]
    public void CheckRecord_AuthorInTwoManagedRoles_ManagerUnitNamedDoesNotDependOnMembershipOrder()
    {
        static AccessDecision Decide(bool reversed)
        {
            Org org = new Org()
                .Role("North", "All employees").Managers("North")
                .Role("South", "All employees").Managers("South")
                .User("Ann")
                .User("Mia", "Managers of North", "Managers of South")
                .Object("Deal", operations: false, records: true)
                .Record("Deal", "r1", author: "Ann");
            org = reversed ? org.Member("Ann", "South").Member("Ann", "North") : org.Member("Ann", "North").Member("Ann", "South");
            return org.Principal("Mia").CheckRecord("Deal", s_r1, RecordOperation.Read);
        }

        AccessDecision first = Decide(reversed: false);

        Assert.Equal(AccessReason.ManagerOfAuthorOrOwner, first.Reason);
        Assert.Equal(first, Decide(reversed: true));
    }

    [Fact]
    public void CheckRecord_ManagerOfAnotherBranch_Denied()
    {
        Org org = Company().Record("Deal", "r1", author: "Bob");

        Assert.Equal(AccessReason.NoRecordRight, org.Principal("Mia").CheckRecord("Deal", s_r1, RecordOperation.Read).Reason);
    }

    [Fact]
    public void CheckRecord_ManagerAboveAnAuthorWhoseRoleHasNoManagerUnit_AllowedAsHoldingTheAuthor()
    {
        // Sales has no manager unit; Hal manages Head office, so Sue, a member of Sales, is in Hal's E(u) (§2 rule 5).
        Org org = Company().Record("Deal", "r1", author: "Sue");

        AccessDecision decision = org.Principal("Hal").CheckRecord("Deal", s_r1, RecordOperation.Delete);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.RecordAuthor), (decision.Outcome, decision.Stage, decision.Reason));
        Assert.Equal(org.Unit("Sue"), decision.Grantee);
    }

    [Fact]
    public void CheckRecord_ManagerAboveAnOwnerWhoseRoleHasNoManagerUnit_AllowedAsHoldingTheOwner()
    {
        Org org = Company().Record("Deal", "r1", author: "Bob", owner: "Sue");

        AccessDecision decision = org.Principal("Hal").CheckRecord("Deal", s_r1, RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordOwner), (decision.Outcome, decision.Reason));
        Assert.Equal(org.Unit("Sue"), decision.Grantee);
    }

    [Fact]
    public void CheckRecord_UserTheAuthorDelegatedTo_AllowedAsHoldingTheAuthor()
    {
        Org org = Company().Record("Deal", "r1", author: "Sue").Delegate("Sue", "Bob");

        AccessDecision decision = org.Principal("Bob").CheckRecord("Deal", s_r1, RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordAuthor), (decision.Outcome, decision.Reason));
        Assert.Equal(org.Unit("Sue"), decision.Grantee);
    }

    [Fact]
    public void CheckRecord_UserTheAuthorDelegatedToUntilAnInstant_AllowedOnlyBeforeIt()
    {
        DateTimeOffset end = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        AccessSnapshot snapshot = Company().Record("Deal", "r1", author: "Sue").Delegate("Sue", "Bob", end).Compile();

        Assert.True(snapshot.GetPrincipal(Ids.User("Bob"), end.AddTicks(-1)).CheckRecord("Deal", s_r1, RecordOperation.Read).IsAllowed);
        Assert.Equal(AccessReason.NoRecordRight, snapshot.GetPrincipal(Ids.User("Bob"), end).CheckRecord("Deal", s_r1, RecordOperation.Read).Reason);
    }

    [Fact]
    public void CheckShare_ManagerAboveAnAuthorWhoseRoleHasNoManagerUnit_MayShareEveryOperation()
    {
        Org org = Company().Record("Deal", "r1", author: "Sue");
        AccessPrincipal hal = org.Principal("Hal");

        foreach (RecordOperation operation in new[] { RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete })
        {
            AccessDecision decision = hal.CheckShare("Deal", s_r1, operation);
            Assert.Equal((AccessOutcome.Allow, AccessReason.CanGrant), (decision.Outcome, decision.Reason));
            Assert.Equal(org.Unit("Sue"), decision.Grantee);
        }
    }

    [Fact]
    public void CheckRecord_AuthorHeldThroughEffectiveRolesAndARow_TheRowDecidesBeforeTheImplicitRight()
    {
        Org org = Company().Record("Deal", "r1", author: "Sue").Right("Deal", "r1", "Head office", RecordOperation.Read);

        AccessDecision decision = org.Principal("Hal").CheckRecord("Deal", s_r1, RecordOperation.Read);

        Assert.Equal((AccessReason.RecordRight, org.Unit("Head office")), (decision.Reason, decision.Grantee));
    }

    [Fact]
    public void CheckRecord_ManagerUnitAndAuthorBothHeld_TheManagerUnitDecidesBeforeTheAuthor()
    {
        // Hal holds both the manager unit of Sales Boston (a subtree unit) and Sam (a subordinate).
        Org org = Company().Record("Deal", "r1", author: "Sam");

        AccessDecision decision = org.Principal("Hal").CheckRecord("Deal", s_r1, RecordOperation.Read);

        Assert.Equal((AccessReason.ManagerOfAuthorOrOwner, org.Unit("Managers of Sales Boston")), (decision.Reason, decision.Grantee));
    }

    [Fact]
    public void FilterRecordsAndRecordFilter_AuthorHeldThroughEffectiveRoles_IncludeTheRecord()
    {
        Org org = Company()
            .User("Ann")
            .Delegate("Ann", "Hal")
            .Record("Deal", "r1", author: "Sue")
            .Record("Deal", "r2", author: "Bob")
            .Record("Deal", "r3", owner: "Ann");
        AccessPrincipal hal = org.Principal("Hal");
        RecordId[] ids = [s_r1, Ids.Record("r2"), Ids.Record("r3")];

        RecordFilter filter = hal.GetRecordFilter("Deal", RecordOperation.Read);

        Assert.Equal([s_r1, Ids.Record("r3")], hal.FilterRecords("Deal", RecordOperation.Read, ids));
        Assert.Contains(org.UserId("Sue"), filter.AuthorsAndOwners);
        Assert.Contains(org.UserId("Ann"), filter.AuthorsAndOwners);
        Assert.DoesNotContain(org.UserId("Bob"), filter.AuthorsAndOwners);
    }

    [Fact]
    public void CheckRecord_ImplicitRights_AuthorBeforeOwnerBeforeRowsBeforeManagers()
    {
        Org org = Company()
            .Record("Deal", "r1", author: "Sam", owner: "Sam")
            .Record("Deal", "r2", author: "Mia", owner: "Sam")
            .Right("Deal", "r1", "Sales Boston", RecordOperation.Read)
            .Right("Deal", "r2", "Managers of Sales Boston", RecordOperation.Read);

        Assert.Equal(AccessReason.RecordAuthor, org.Principal("Sam").CheckRecord("Deal", s_r1, RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.RecordOwner, org.Principal("Sam").CheckRecord("Deal", Ids.Record("r2"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.RecordAuthor, org.Principal("Mia").CheckRecord("Deal", Ids.Record("r2"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.RecordRight, org.Principal("Hal").CheckRecord("Deal", Ids.Record("r2"), RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.ManagerOfAuthorOrOwner, org.Principal("Hal").CheckRecord("Deal", Ids.Record("r2"), RecordOperation.Edit).Reason);
    }

    [Fact]
    public void CheckRecord_RecordPermissionsOff_EmployeeAllowedAnyRecordWithoutLookup()
    {
        Org org = Company().Object("Note");

        AccessDecision decision = org.Principal("Bob").CheckRecord("Note", Ids.Record("never defined"), RecordOperation.Delete);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record, AccessReason.RecordPermissionsOff), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckRecord_UserInManyRoles_AnyMatchingRowAllowsAndOthersAreDenied()
    {
        // Dee holds 150 roles, so her E(u) summary rules out little and the record step tests rights one by one; Few holds
        // one of them, so the summary rules most grantees out. The record has rights to 100 roles neither holds.
        Org org = Company();
        for (int i = 0; i < 150; i++)
        {
            org.Functional($"F{i}");
        }

        for (int i = 0; i < 100; i++)
        {
            org.Functional($"G{i}");
        }

        org.User("Dee", [.. Enumerable.Range(0, 150).Select(i => $"F{i}")]).User("Few", "F140").Record("Deal", "r1").Record("Deal", "r2");
        for (int i = 0; i < 100; i++)
        {
            org.Right("Deal", "r1", $"G{i}", RecordOperation.Read).Right("Deal", "r2", $"G{i}", RecordOperation.Read);
        }

        org.Right("Deal", "r1", "F149", RecordOperation.Edit).Right("Deal", "r1", "F140", RecordOperation.Read);
        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal dee = snapshot.GetPrincipal(org.UserId("Dee"), DateTimeOffset.UtcNow);
        AccessPrincipal few = snapshot.GetPrincipal(org.UserId("Few"), DateTimeOffset.UtcNow);
        Assert.True(snapshot.Roles.SignatureOf(dee.Subject).IsDense);
        Assert.False(snapshot.Roles.SignatureOf(few.Subject).IsDense);

        foreach (AccessPrincipal principal in new[] { dee, few })
        {
            AccessDecision read = principal.CheckRecord("Deal", s_r1, RecordOperation.Read);
            Assert.Equal((AccessOutcome.Allow, AccessReason.RecordRight), (read.Outcome, read.Reason));
            Assert.Equal(org.Unit("F140"), read.Grantee);
            Assert.Equal(AccessReason.NoRecordRight, principal.CheckRecord("Deal", Ids.Record("r2"), RecordOperation.Read).Reason);
            Assert.Equal(AccessReason.NoRecordRight, principal.CheckRecord("Deal", s_r1, RecordOperation.Delete).Reason);
            Assert.Equal([s_r1], principal.FilterRecords("Deal", RecordOperation.Read, [Ids.Record("r2"), s_r1]));
        }

        AccessDecision edit = dee.CheckRecord("Deal", s_r1, RecordOperation.Edit);
        Assert.Equal((AccessOutcome.Allow, org.Unit("F149")), (edit.Outcome, edit.Grantee));
        Assert.Equal(AccessReason.NoRecordRight, few.CheckRecord("Deal", s_r1, RecordOperation.Edit).Reason);
    }

    [Property(MaxTest = 60)]
    public bool CheckRecord_AnyNumberOfRolesAndRights_AllowsExactlyWhenAHeldRoleHasARightForTheOperation(
        byte heldSeed, int heldSalt, (byte Role, byte Operation)[] rights, byte operationSeed)
    {
        // Up to 200 roles held of 220, so the E(u) summary is sometimes sparse and sometimes dense; rights to any of them.
        const int roles = 220;
        int heldCount = heldSeed % 201;
        var random = new Random(heldSalt);
        HashSet<int> held = [.. Enumerable.Range(0, roles).OrderBy(_ => random.Next()).Take(heldCount)];
        Org org = Company();
        for (int i = 0; i < roles; i++)
        {
            org.Functional($"F{i}");
        }

        org.User("Dee", [.. held.Select(i => $"F{i}")]).Record("Deal", "r1");
        foreach ((byte role, byte operation) in rights)
        {
            org.Right("Deal", "r1", $"F{role % roles}", (RecordOperation)(operation % 3));
        }

        var asked = (RecordOperation)(operationSeed % 3);
        bool expected = rights.Any(r => held.Contains(r.Role % roles) && (RecordOperation)(r.Operation % 3) == asked);
        AccessPrincipal dee = org.Principal("Dee");
        AccessDecision decision = dee.CheckRecord("Deal", s_r1, asked);
        bool grantee = !decision.IsAllowed || held.Select(i => org.Unit($"F{i}")).Contains(decision.Grantee!.Value);
        return decision.IsAllowed == expected && grantee &&
            dee.FilterRecords("Deal", asked, [s_r1]).Count == (expected ? 1 : 0);
    }

    [Fact]
    public void CheckRecord_UnknownRecord_DeniedWithUnknownRecord()
    {
        AccessDecision decision = Company().Principal("Sam").CheckRecord("Deal", Ids.Record("never defined"), RecordOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.UnknownRecord), (decision.Outcome, decision.Stage, decision.Reason));
    }

    [Fact]
    public void CheckRecord_ObjectStepDenies_RecordRightsNotConsulted()
    {
        Org org = Company()
            .Object("Lead", operations: true, records: true)
            .ObjectRow("Lead", "All employees", 0, ObjectOperations.Read)
            .Record("Lead", "r1", author: "Sam");

        AccessDecision decision = org.Principal("Sam").CheckRecord("Lead", s_r1, RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.ObjectRowDenies), (decision.Outcome, decision.Stage, decision.Reason));
    }
}
