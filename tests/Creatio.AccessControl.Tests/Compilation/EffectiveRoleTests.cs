using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The rules of DESIGN.md §2, one behaviour per test.</summary>
public sealed class EffectiveRoleTests
{
    private static readonly DateTimeOffset s_now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>All employees › Head office › Sales department › Sales Boston, with Support department beside Sales.</summary>
    private static Org Company() => new Org()
        .Organization("Head office", "All employees")
        .Role("Sales department", "Head office")
        .Role("Sales Boston", "Sales department", AdminUnitKind.Team)
        .Role("Support department", "Head office")
        .Managers("Head office")
        .Managers("Sales department")
        .Managers("Sales Boston");

    // Rules 1 and 2: own roles.

    [Fact]
    public void EffectiveRoles_EmployeeWithoutMemberships_IsSelfAndAllEmployees()
    {
        Org org = new Org().User("Ann");

        Assert.Equal(["All employees", "Ann"], org.EffectiveRoles(org.Compile(), "Ann"));
    }

    [Fact]
    public void EffectiveRoles_DirectMemberOfRoles_HasEachRole()
    {
        Org org = new Org()
            .Organization("Head office", "All employees")
            .Functional("Accountants")
            .User("Ann", "Head office", "Accountants");

        Assert.Equal(["Accountants", "All employees", "Ann", "Head office"], org.EffectiveRoles(org.Compile(), "Ann"));
    }

    // Rule 3: inheritance.

    [Fact]
    public void EffectiveRoles_MemberOfChildRole_InheritsEveryAncestor()
    {
        Org org = Company().User("Seller", "Sales Boston");

        Assert.Equal(
            ["All employees", "Head office", "Sales Boston", "Sales department", "Seller"],
            org.EffectiveRoles(org.Compile(), "Seller"));
    }

    [Fact]
    public void EffectiveRoles_MemberOfParentRole_DoesNotObtainChildRoles()
    {
        Org org = Company().User("Clerk", "Head office");

        Assert.Equal(["All employees", "Clerk", "Head office"], org.EffectiveRoles(org.Compile(), "Clerk"));
    }

    [Fact]
    public void EffectiveRoles_MemberOfManagerUnit_InheritsManagedRoleAndItsAncestors()
    {
        Org org = Company().User("Sam", "Managers of Sales department");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Sam");

        Assert.Contains("Managers of Sales department", roles);
        Assert.Contains("Sales department", roles);
        Assert.Contains("Head office", roles);
        Assert.Contains("All employees", roles);
    }

    // Rule 5: managers.

    [Fact]
    public void EffectiveRoles_ManagerOfHeadOffice_ObtainsEverySubDepartment()
    {
        Org org = Company().User("Boss", "Managers of Head office");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.Contains("Sales department", roles);
        Assert.Contains("Support department", roles);
    }

    [Fact]
    public void EffectiveRoles_ManagerOfHeadOffice_ObtainsManagerUnitOfSubDepartment()
    {
        Org org = Company().User("Boss", "Managers of Head office");

        Assert.Contains("Managers of Sales department", org.EffectiveRoles(org.Compile(), "Boss"));
    }

    [Fact]
    public void EffectiveRoles_ManagerOfHeadOffice_ObtainsUserUnitsOfEmployees()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office")
            .User("Clerk", "Head office")
            .User("Seller", "Sales department");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.Contains("Clerk", roles);
        Assert.Contains("Seller", roles);
    }

    [Fact]
    public void EffectiveRoles_ManagerOfHeadOffice_ObtainsWhatEmployeesHoldAsEmployees()
    {
        Org org = Company()
            .Functional("Accountants")
            .Organization("Partners club", "All employees")
            .User("Boss", "Managers of Head office")
            .User("Seller", "Sales department", "Accountants", "Partners club");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.Contains("Accountants", roles);
        Assert.Contains("Partners club", roles);
    }

    [Fact]
    public void EffectiveRoles_ManagerOfHeadOffice_ObtainsSubDepartmentTwoLevelsDown()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office")
            .User("Bob", "Sales Boston")
            .User("Bella", "Managers of Sales Boston");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.Contains("Sales Boston", roles);
        Assert.Contains("Managers of Sales Boston", roles);
        Assert.Contains("Bob", roles);
        Assert.Contains("Bella", roles);
    }

    [Fact]
    public void EffectiveRoles_ManagerOfHeadOffice_DoesNotObtainRolesOutsideItsSubtree()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .User("Boss", "Managers of Head office")
            .User("Bruno", "Branch");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.DoesNotContain("Branch", roles);
        Assert.DoesNotContain("Bruno", roles);
    }

    [Fact]
    public void EffectiveRoles_ManagerTwoLevelsUp_ObtainsEmployeesTwoLevelsDown()
    {
        Org org = new Org()
            .Organization("Group", "All employees")
            .Organization("Head office", "Group")
            .Role("Sales department", "Head office")
            .Managers("Group")
            .User("Chair", "Managers of Group")
            .User("Seller", "Sales department");

        Assert.Equal(
            ["All employees", "Chair", "Group", "Head office", "Managers of Group", "Sales department", "Seller"],
            org.EffectiveRoles(org.Compile(), "Chair"));
    }

    [Fact]
    public void EffectiveRoles_ManagerOfSubDepartmentWithBossAsMember_ObtainsBossOnlyAsEmployee()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office", "Sales department")
            .User("Sam", "Managers of Sales department");

        Assert.Equal(
            ["All employees", "Boss", "Head office", "Managers of Sales Boston", "Managers of Sales department", "Sales Boston", "Sales department", "Sam"],
            org.EffectiveRoles(org.Compile(), "Sam"));
    }

    [Fact]
    public void EffectiveRoles_CoManagers_DoNotObtainEachOther()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office")
            .User("Deputy", "Managers of Head office", "Support department");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.DoesNotContain("Deputy", roles);
        Assert.DoesNotContain("Boss", org.EffectiveRoles(org.Compile(), "Deputy"));
    }

    [Fact]
    public void EffectiveRoles_ManagedEmployeeIsManagerElsewhere_ManagerDoesNotObtainThatManagerUnit()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .Managers("Branch")
            .User("Boss", "Managers of Head office")
            .User("Seller", "Sales department", "Managers of Branch");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.Contains("Seller", roles);
        Assert.DoesNotContain("Managers of Branch", roles);
        Assert.DoesNotContain("Branch", roles);
    }

    [Fact]
    public void EffectiveRoles_ManagedEmployeeIsSystemAdministrator_ManagerDoesNotObtainSystemAdministrators()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office")
            .User("Admin", "Sales department", "System administrators");
        AccessSnapshot snapshot = org.Compile();

        Assert.Contains("System administrators", org.EffectiveRoles(snapshot, "Admin"));
        Assert.DoesNotContain("System administrators", org.EffectiveRoles(snapshot, "Boss"));
    }

    [Fact]
    public void EffectiveRoles_CustomRolesNotInheritedByManagers_AreNotObtainedByManager()
    {
        Org org = Company()
            .Functional("Auditors")
            .User("Boss", "Managers of Head office")
            .User("Seller", "Sales department", "Auditors")
            .NotInheritedByManagers("Auditors");

        Assert.DoesNotContain("Auditors", org.EffectiveRoles(org.Compile(), "Boss"));
    }

    [Fact]
    public void EffectiveRoles_CustomListWithoutSystemAdministrators_ManagerObtainsSystemAdministrators()
    {
        Org org = Company()
            .Functional("Auditors")
            .User("Boss", "Managers of Head office")
            .User("Admin", "Sales department", "System administrators")
            .NotInheritedByManagers("Auditors");

        Assert.Contains("System administrators", org.EffectiveRoles(org.Compile(), "Boss"));
    }

    [Fact]
    public void EffectiveRoles_SubordinateInChildOfNotInheritedRole_ManagerObtainsTheChildButNotItsNotInheritedParent()
    {
        Org org = Company()
            .Role("Night admins", "System administrators")
            .User("Boss", "Managers of Head office")
            .User("Ops", "Sales department", "Night admins");
        AccessSnapshot snapshot = org.Compile();

        IReadOnlyList<string> roles = org.EffectiveRoles(snapshot, "Boss");

        Assert.Contains("System administrators", org.EffectiveRoles(snapshot, "Ops"));
        Assert.Contains("Night admins", roles);
        Assert.DoesNotContain("System administrators", roles);
    }

    [Fact]
    public void EffectiveRoles_SubordinateInRoleLinkedToNotInheritedFunctionalRole_ManagerDoesNotObtainTheFunctionalRole()
    {
        Org org = Company()
            .Functional("Auditors")
            .Organization("Audit")
            .Link("Auditors", "Audit")
            .User("Boss", "Managers of Head office")
            .User("Inspector", "Sales department", "Audit")
            .NotInheritedByManagers("Auditors");
        AccessSnapshot snapshot = org.Compile();

        IReadOnlyList<string> roles = org.EffectiveRoles(snapshot, "Boss");

        Assert.Contains("Auditors", org.EffectiveRoles(snapshot, "Inspector"));
        Assert.Contains("Audit", roles);
        Assert.DoesNotContain("Auditors", roles);
    }

    [Fact]
    public void EffectiveRoles_SubordinateBelowNotInheritedRole_ManagerObtainsTheRolesAboveItButNotTheListedRole()
    {
        // Decision (§2 rule 5): only the listed roles are left out of what subordinates bring; a listed role's own
        // ancestors still come as ancestors of the role the subordinate holds.
        Org org = Company()
            .Organization("Holding")
            .Role("Treasury", "Holding")
            .Role("Payments", "Treasury")
            .User("Boss", "Managers of Head office")
            .User("Clerk", "Sales department", "Payments")
            .NotInheritedByManagers("Treasury");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Boss");

        Assert.Contains("Payments", roles);
        Assert.Contains("Holding", roles);
        Assert.DoesNotContain("Treasury", roles);
    }

    [Fact]
    public void EffectiveRoles_NotInheritedRoleInsideTheManagedSubtree_IsObtainedAsASubtreeUnit()
    {
        Org org = Company()
            .Role("Sales admins", "Sales department")
            .User("Boss", "Managers of Head office")
            .User("Seller", "Sales admins")
            .NotInheritedByManagers("Sales admins");

        Assert.Contains("Sales admins", org.EffectiveRoles(org.Compile(), "Boss"));
    }

    [Fact]
    public void EffectiveRoles_NestedManagers_EachObtainsItsOwnSubtreeAndTheManagersBelowAsEmployees()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office")
            .User("Sam", "Managers of Sales department")
            .User("Bella", "Managers of Sales Boston")
            .User("Seller", "Sales Boston");
        AccessSnapshot snapshot = org.Compile();

        Assert.Equal(
            ["All employees", "Bella", "Boss", "Head office", "Managers of Head office", "Managers of Sales Boston", "Managers of Sales department",
             "Sales Boston", "Sales department", "Sam", "Seller", "Support department"],
            org.EffectiveRoles(snapshot, "Boss"));
        Assert.Equal(
            ["All employees", "Bella", "Head office", "Managers of Sales Boston", "Managers of Sales department", "Sales Boston", "Sales department", "Sam", "Seller"],
            org.EffectiveRoles(snapshot, "Sam"));
        Assert.Equal(
            ["All employees", "Bella", "Head office", "Managers of Sales Boston", "Sales Boston", "Sales department", "Seller"],
            org.EffectiveRoles(snapshot, "Bella"));
    }

    [Fact]
    public void EffectiveRoles_CoManagerAlsoEmployeeFurtherDown_IsNotObtainedByTheOtherCoManager()
    {
        Org org = Company()
            .Functional("Auditors")
            .User("Boss", "Managers of Head office")
            .User("Deputy", "Managers of Head office", "Sales Boston", "Auditors")
            .User("Bella", "Managers of Sales Boston");
        AccessSnapshot snapshot = org.Compile();

        IReadOnlyList<string> roles = org.EffectiveRoles(snapshot, "Boss");

        Assert.DoesNotContain("Deputy", roles);
        Assert.DoesNotContain("Auditors", roles);
        Assert.Contains("Bella", roles);
        Assert.Contains("Deputy", org.EffectiveRoles(snapshot, "Bella"));
    }

    [Fact]
    public void EffectiveRoles_ManagerUnitWithoutEmployees_ObtainsOnlyUnits()
    {
        Org org = Company().User("Bella", "Managers of Sales Boston");

        Assert.Equal(
            ["All employees", "Bella", "Head office", "Managers of Sales Boston", "Sales Boston", "Sales department"],
            org.EffectiveRoles(org.Compile(), "Bella"));
    }

    // Rule 4: functional links.

    [Fact]
    public void EffectiveRoles_FunctionalRoleLinkedToTwoRoles_GivenToMembersOfBoth()
    {
        Org org = new Org()
            .Organization("Head office", "All employees")
            .Role("Secretaries HO", "Head office")
            .Organization("Branch", "All employees")
            .Role("Secretaries Branch", "Branch")
            .Functional("Secretaries")
            .Link("Secretaries", "Secretaries HO")
            .Link("Secretaries", "Secretaries Branch")
            .User("Helen", "Secretaries HO")
            .User("Bruno", "Secretaries Branch");
        AccessSnapshot snapshot = org.Compile();

        Assert.Contains("Secretaries", org.EffectiveRoles(snapshot, "Helen"));
        Assert.Contains("Secretaries", org.EffectiveRoles(snapshot, "Bruno"));
    }

    [Fact]
    public void EffectiveRoles_MemberOfChildOfLinkedRole_ObtainsFunctionalRole()
    {
        Org org = Company()
            .Functional("Sellers")
            .Link("Sellers", "Sales department")
            .User("Bob", "Sales Boston");

        Assert.Contains("Sellers", org.EffectiveRoles(org.Compile(), "Bob"));
    }

    [Fact]
    public void EffectiveRoles_MemberOfParentOfLinkedRole_DoesNotObtainFunctionalRole()
    {
        Org org = Company()
            .Functional("Sellers")
            .Link("Sellers", "Sales department")
            .User("Clerk", "Head office");

        Assert.DoesNotContain("Sellers", org.EffectiveRoles(org.Compile(), "Clerk"));
    }

    [Fact]
    public void EffectiveRoles_LinkedFunctionalRole_BringsItsFunctionalAncestors()
    {
        Org org = Company()
            .Functional("Staff")
            .Functional("Sellers", "Staff")
            .Link("Sellers", "Sales department")
            .User("Seller", "Sales department");

        Assert.Equal(
            ["All employees", "Head office", "Sales department", "Seller", "Sellers", "Staff"],
            org.EffectiveRoles(org.Compile(), "Seller"));
    }

    [Fact]
    public void EffectiveRoles_MemberOfFunctionalRole_DoesNotObtainLinkedOrganizationalRole()
    {
        Org org = Company()
            .Functional("Sellers")
            .Link("Sellers", "Sales department")
            .User("Temp", "Sellers");

        Assert.Equal(["All employees", "Sellers", "Temp"], org.EffectiveRoles(org.Compile(), "Temp"));
    }

    // Rule 6: delegation.

    [Fact]
    public void EffectiveRoles_DelegationFromUser_RecipientObtainsGrantorsOwnAndManagedSet()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .User("Sam", "Managers of Sales Boston")
            .User("Bob", "Sales Boston")
            .User("Rita", "Branch")
            .Delegate("Sam", "Rita");

        Assert.Equal(
            ["All employees", "Bob", "Branch", "Head office", "Managers of Sales Boston", "Rita", "Sales Boston", "Sales department", "Sam"],
            org.EffectiveRoles(org.Compile(), "Rita"));
    }

    [Fact]
    public void EffectiveRoles_DelegationFromRole_RecipientObtainsRoleAncestorsAndLinksButNotChildren()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .Functional("Sellers")
            .Link("Sellers", "Sales department")
            .User("Rita", "Branch")
            .Delegate("Sales department", "Rita");

        Assert.Equal(
            ["All employees", "Branch", "Head office", "Rita", "Sales department", "Sellers"],
            org.EffectiveRoles(org.Compile(), "Rita"));
    }

    [Fact]
    public void EffectiveRoles_DelegationFromManagerUnit_RecipientDoesNotManage()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .User("Bob", "Sales Boston")
            .User("Rita", "Branch")
            .Delegate("Managers of Sales department", "Rita");

        IReadOnlyList<string> roles = org.EffectiveRoles(org.Compile(), "Rita");

        Assert.Contains("Managers of Sales department", roles);
        Assert.DoesNotContain("Sales Boston", roles);
        Assert.DoesNotContain("Bob", roles);
    }

    [Fact]
    public void EffectiveRoles_DelegationToRoleTheUserHolds_UserObtainsGrantorsSet()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .Delegate("Branch", "Sales department")
            .User("Bob", "Sales Boston");

        Assert.Contains("Branch", org.EffectiveRoles(org.Compile(), "Bob"));
    }

    [Fact]
    public void EffectiveRoles_DelegationToRoleTheUserDoesNotHold_UserObtainsNothing()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .Delegate("Branch", "Sales Boston")
            .User("Clerk", "Sales department");

        Assert.DoesNotContain("Branch", org.EffectiveRoles(org.Compile(), "Clerk"));
    }

    [Fact]
    public void EffectiveRoles_ChainOfDelegations_IsNotTransitive()
    {
        Org org = new Org()
            .Role("A", "All employees")
            .Role("B", "All employees")
            .Role("C", "All employees")
            .User("Alice", "A")
            .User("Bert", "B")
            .User("Carl", "C")
            .Delegate("Alice", "Bert")
            .Delegate("Bert", "Carl");
        AccessSnapshot snapshot = org.Compile();

        Assert.Equal(["A", "Alice", "All employees", "B", "Bert"], org.EffectiveRoles(snapshot, "Bert"));
        Assert.Equal(["All employees", "B", "Bert", "C", "Carl"], org.EffectiveRoles(snapshot, "Carl"));
    }

    [Fact]
    public void EffectiveRoles_ChainOfRoleDelegations_IsNotTransitive()
    {
        Org org = new Org()
            .Role("A", "All employees")
            .Role("B", "All employees")
            .Role("C", "All employees")
            .User("Carl", "C")
            .Delegate("A", "B")
            .Delegate("B", "C");

        Assert.Equal(["All employees", "B", "C", "Carl"], org.EffectiveRoles(org.Compile(), "Carl"));
    }

    [Fact]
    public void EffectiveRoles_OneTickBeforeDelegationEnds_IncludesDelegatedRole()
    {
        DateTimeOffset end = s_now.AddDays(1);
        Org org = new Org().Role("Vault", "All employees").User("Ann").Delegate("Vault", "Ann", end);

        Assert.Contains("Vault", org.EffectiveRoles(org.Compile(), "Ann", end.AddTicks(-1)));
    }

    [Fact]
    public void EffectiveRoles_AtDelegationEnd_ExcludesDelegatedRole()
    {
        DateTimeOffset end = s_now.AddDays(1);
        Org org = new Org().Role("Vault", "All employees").User("Ann").Delegate("Vault", "Ann", end);

        Assert.Equal(["All employees", "Ann"], org.EffectiveRoles(org.Compile(), "Ann", end));
    }

    [Fact]
    public void EffectiveRoles_DelegationEndInAnotherOffset_EndsAtTheSameInstant()
    {
        DateTimeOffset end = new(2025, 3, 2, 14, 0, 0, TimeSpan.FromHours(2));
        Org org = new Org().Role("Vault", "All employees").User("Ann").Delegate("Vault", "Ann", end);
        AccessSnapshot snapshot = org.Compile();

        Assert.Contains("Vault", org.EffectiveRoles(snapshot, "Ann", end.ToUniversalTime().AddTicks(-1)));
        Assert.DoesNotContain("Vault", org.EffectiveRoles(snapshot, "Ann", end.ToUniversalTime()));
    }

    [Fact]
    public void EffectiveRolesValidUntil_BeforeDelegationEnds_IsTheEnd()
    {
        DateTimeOffset end = s_now.AddDays(1);
        Org org = new Org().Role("Vault", "All employees").User("Ann").Delegate("Vault", "Ann", end);

        AccessPrincipal principal = org.Compile().GetPrincipal(org.UserId("Ann"), end.AddTicks(-1));

        Assert.Equal(end, principal.EffectiveRolesValidUntil);
    }

    [Fact]
    public void EffectiveRolesValidUntil_TwoDelegationEnds_IsTheNextEnd()
    {
        DateTimeOffset first = s_now.AddDays(1);
        DateTimeOffset second = s_now.AddDays(2);
        Org org = new Org()
            .Role("Vault", "All employees")
            .Role("Safe", "All employees")
            .User("Ann")
            .Delegate("Safe", "Ann", second)
            .Delegate("Vault", "Ann", first);
        AccessSnapshot snapshot = org.Compile();

        Assert.Equal(first, snapshot.GetPrincipal(org.UserId("Ann"), s_now).EffectiveRolesValidUntil);
        Assert.Equal(second, snapshot.GetPrincipal(org.UserId("Ann"), first).EffectiveRolesValidUntil);
        Assert.Equal(["All employees", "Ann", "Safe"], org.EffectiveRoles(snapshot, "Ann", first));
    }

    [Fact]
    public void EffectiveRolesValidUntil_AfterDelegationEnds_IsNull()
    {
        DateTimeOffset end = s_now.AddDays(1);
        Org org = new Org().Role("Vault", "All employees").User("Ann").Delegate("Vault", "Ann", end);

        AccessPrincipal principal = org.Compile().GetPrincipal(org.UserId("Ann"), end);

        Assert.Null(principal.EffectiveRolesValidUntil);
    }

    [Fact]
    public void EffectiveRolesValidUntil_DelegationWithoutEnd_IsNull()
    {
        Org org = new Org().Role("Vault", "All employees").User("Ann").Delegate("Vault", "Ann");

        AccessPrincipal principal = org.Compile().GetPrincipal(org.UserId("Ann"), s_now);

        Assert.True(principal.HasEffectiveRole(org.Unit("Vault")));
        Assert.Null(principal.EffectiveRolesValidUntil);
    }

    // All employees, portal users, inactive and unknown users.

    [Fact]
    public void EffectiveRoles_Employee_IsInAllEmployeesWithoutMembershipRow()
    {
        Org org = new Org().User("Ann");

        Assert.True(org.Compile().GetPrincipal(org.UserId("Ann"), s_now).HasEffectiveRole(BuiltInRoles.AllEmployees));
    }

    [Fact]
    public void EffectiveRoles_PortalUser_IsNotInAllEmployees()
    {
        Org org = new Org().Portal("Pat", "All portal users");

        Assert.Equal(["All portal users", "Pat"], org.EffectiveRoles(org.Compile(), "Pat"));
    }

    [Fact]
    public void EffectiveRoles_InactiveUser_IsStillComputed()
    {
        Org org = Company().Inactive("Gone", "Sales department");

        AccessPrincipal principal = org.Compile().GetPrincipal(org.UserId("Gone"), s_now);

        Assert.True(principal.IsKnown);
        Assert.False(principal.IsActive);
        Assert.Equal(["All employees", "Gone", "Head office", "Sales department"], org.EffectiveRoles(principal.Snapshot!, "Gone"));
    }

    [Fact]
    public void GetPrincipal_UnknownUser_IsUnknownWithEmptySet()
    {
        Org org = new Org().User("Ann");

        AccessPrincipal principal = org.Compile().GetPrincipal(Ids.User("Nobody"), s_now);

        Assert.False(principal.IsKnown);
        Assert.Equal(0, principal.EffectiveRoles.Count);
        Assert.Empty(Enumerate(principal.EffectiveRoles));
        Assert.False(principal.HasEffectiveRole(BuiltInRoles.AllEmployees));
        Assert.Null(principal.EffectiveRolesValidUntil);
    }

    [Fact]
    public void GetPrincipal_IdOfARole_IsUnknown()
    {
        Org org = new Org().User("Ann");

        AccessPrincipal principal = org.Compile().GetPrincipal(new UserId(BuiltInRoles.AllEmployees.Value), s_now);

        Assert.False(principal.IsKnown);
        Assert.Equal(0, principal.EffectiveRoles.Count);
    }

    [Fact]
    public void DefaultPrincipal_HasEmptySet()
    {
        AccessPrincipal principal = default;

        Assert.False(principal.IsKnown);
        Assert.Equal(0, principal.EffectiveRoles.Count);
        Assert.Empty(Enumerate(principal.EffectiveRoles));
    }

    // EffectiveRoleSet.

    [Fact]
    public void Count_ManagerWithDelegation_EqualsEnumeratedCount()
    {
        Org org = Company()
            .Organization("Branch", "All employees")
            .User("Boss", "Managers of Head office")
            .User("Seller", "Sales department")
            .User("Bob", "Sales Boston")
            .User("Bruno", "Branch")
            .Delegate("Bruno", "Boss");

        EffectiveRoleSet set = org.Compile().GetPrincipal(org.UserId("Boss"), s_now).EffectiveRoles;

        Assert.Equal(Enumerate(set).Count, set.Count);
        Assert.Equal(13, set.Count);
    }

    [Fact]
    public void HasEffectiveRole_UnknownUnit_IsFalse()
    {
        Org org = new Org().User("Ann");

        AccessPrincipal principal = org.Compile().GetPrincipal(org.UserId("Ann"), s_now);

        Assert.False(principal.HasEffectiveRole(new AdminUnitId(Ids.Guid("no such unit"))));
        Assert.False(principal.EffectiveRoles.Contains(new AdminUnitId(Ids.Guid("no such unit"))));
    }

    [Fact]
    public void GetEnumerator_ManagerWithUsers_YieldsRolesThenUsersEachInGuidOrder()
    {
        Org org = Company()
            .User("Boss", "Managers of Head office")
            .User("Seller", "Sales department")
            .User("Bob", "Sales Boston")
            .User("Clerk", "Head office")
            .User("Sue", "Support department");
        AccessSnapshot snapshot = org.Compile();
        var roleIds = new HashSet<AdminUnitId>(snapshot.Model.Roles.Select(r => (AdminUnitId)r.Id));

        List<AdminUnitId> units = Enumerate(snapshot.GetPrincipal(org.UserId("Boss"), s_now).EffectiveRoles);

        List<AdminUnitId> roles = [.. units.TakeWhile(roleIds.Contains)];
        List<AdminUnitId> users = [.. units.Skip(roles.Count)];
        Assert.Equal(8, roles.Count);
        Assert.Equal(5, users.Count);
        Assert.DoesNotContain(users, roleIds.Contains);
        Assert.Equal(roles.OrderBy(u => u.Value), roles);
        Assert.Equal(users.OrderBy(u => u.Value), users);
    }

    private static List<AdminUnitId> Enumerate(EffectiveRoleSet set)
    {
        var units = new List<AdminUnitId>();
        foreach (AdminUnitId unit in set)
        {
            units.Add(unit);
        }

        return units;
    }
}
