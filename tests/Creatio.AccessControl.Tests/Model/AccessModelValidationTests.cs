using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Model;

/// <summary>Validation of the unit part of a model (DESIGN.md §1, §11): every problem, its code, ids and exact message.</summary>
public sealed class AccessModelValidationTests
{
    private static readonly UserId s_ann = Ids.User("Ann");
    private static readonly UserId s_pat = Ids.User("Pat");
    private static readonly RoleId s_sales = Ids.Role("Sales");
    private static readonly RoleId s_office = Ids.Role("Head office");
    private static readonly RoleId s_missing = Ids.Role("Missing");
    private static readonly RoleId s_sellers = Ids.Role("Sellers");
    private static readonly RoleId s_managers = Ids.Role("Managers");

    // Duplicate ids.

    [Fact]
    public void Build_TwoUsersWithOneId_ReportsDuplicateId()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(s_ann, "Ann"))
            .Add(new UserDefinition(s_ann, "Ann again"));

        AssertErrors(builder, Error(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(s_ann)} is used by more than one user.", s_ann));
    }

    [Fact]
    public void Build_TwoRolesWithOneId_ReportsDuplicateId()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division))
            .Add(new RoleDefinition(s_sales, "Sales again", AdminUnitKind.Division));

        AssertErrors(builder, Error(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(s_sales)} is used by more than one role.", s_sales));
    }

    [Fact]
    public void Build_UserAndRoleWithOneId_ReportsDuplicateId()
    {
        var shared = new Guid("11111111-2222-3333-4444-555555555555");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(new UserId(shared), "Ann"))
            .Add(new RoleDefinition(new RoleId(shared), "Sales", AdminUnitKind.Division));

        AssertErrors(builder, Error(AccessModelErrorCode.DuplicateId, "Admin unit id `11111111-2222-3333-4444-555555555555` is used by a user and a role.", new AdminUnitId(shared)));
    }

    [Fact]
    public void Build_RoleWithIdOfBuiltInRoleDefinedTwice_ReportsDuplicateId()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(BuiltInRoles.AllEmployees, "Everyone", AdminUnitKind.Organization))
            .Add(new RoleDefinition(BuiltInRoles.AllEmployees, "Staff", AdminUnitKind.Organization));

        AssertErrors(builder, Error(AccessModelErrorCode.DuplicateId, "Admin unit id `a29a3ba5-4b0d-de11-9a51-005056c00008` is used by more than one role.", BuiltInRoles.AllEmployees));
    }

    // Dangling references.

    [Fact]
    public void Build_ParentNotDefined_ReportsDanglingReference()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, s_missing));

        AssertErrors(builder, Error(AccessModelErrorCode.DanglingReference, $"Role {Q(s_sales)} has parent {Q(s_missing)}, which is not defined.", s_sales, s_missing));
    }

    [Fact]
    public void Build_MembershipOfUndefinedUser_ReportsDanglingReference()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division))
            .Add(new RoleMembership(s_ann, s_sales));

        AssertErrors(builder, Error(AccessModelErrorCode.DanglingReference, $"Membership of {Q(s_ann)} in {Q(s_sales)} names user {Q(s_ann)}, which is not defined.", s_ann, s_sales));
    }

    [Fact]
    public void Build_MembershipInUndefinedRole_ReportsDanglingReference()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(s_ann, "Ann"))
            .Add(new RoleMembership(s_ann, s_missing));

        AssertErrors(builder, Error(AccessModelErrorCode.DanglingReference, $"Membership of {Q(s_ann)} in {Q(s_missing)} names role {Q(s_missing)}, which is not defined.", s_ann, s_missing));
    }

    [Fact]
    public void Build_DelegationFromUndefinedUnit_ReportsDanglingReference()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(s_ann, "Ann"))
            .Add(new Delegation(s_missing, s_ann));

        AssertErrors(builder, Error(AccessModelErrorCode.DanglingReference, $"Delegation from {Q(s_missing)} to {Q(s_ann)} names admin unit {Q(s_missing)}, which is not defined.", s_missing));
    }

    [Fact]
    public void Build_DelegationToUndefinedUnit_ReportsDanglingReference()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(s_ann, "Ann"))
            .Add(new Delegation(s_ann, s_missing));

        AssertErrors(builder, Error(AccessModelErrorCode.DanglingReference, $"Delegation from {Q(s_ann)} to {Q(s_missing)} names admin unit {Q(s_missing)}, which is not defined.", s_missing));
    }

    [Fact]
    public void Build_UndefinedRoleNotInheritedByManagers_ReportsDanglingReference()
    {
        var builder = new AccessModelBuilder();
        builder.RolesNotInheritedByManagers.Add(s_missing);

        AssertErrors(builder, Error(AccessModelErrorCode.DanglingReference, $"Role {Q(s_missing)} in the roles not inherited by managers is not defined.", s_missing));
    }

    [Fact]
    public void Build_FunctionalLinkWithBothEndsUndefined_ReportsEachMissingEnd()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new FunctionalRoleLink(s_sellers, s_sales));

        AssertErrors(
            builder,
            Error(AccessModelErrorCode.DanglingReference, $"Functional link from {Q(s_sellers)} to {Q(s_sales)} names role {Q(s_sellers)}, which is not defined.", s_sellers, s_sales),
            Error(AccessModelErrorCode.DanglingReference, $"Functional link from {Q(s_sellers)} to {Q(s_sales)} names role {Q(s_sales)}, which is not defined.", s_sellers, s_sales));
    }

    // Hierarchy.

    [Fact]
    public void Build_TwoRolesParentOfEachOther_ReportsCycleNamingIt()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, s_office))
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization, s_sales));

        AssertErrors(builder, Error(AccessModelErrorCode.Cycle, $"Roles form a parent cycle: {Q(s_sales)} → {Q(s_office)} → {Q(s_sales)}.", s_sales, s_office));
    }

    [Fact]
    public void Build_RoleItsOwnParent_ReportsCycle()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, s_sales));

        AssertErrors(builder, Error(AccessModelErrorCode.Cycle, $"Roles form a parent cycle: {Q(s_sales)} → {Q(s_sales)}.", s_sales));
    }

    [Fact]
    public void Build_CycleBelowAnAcyclicChain_ReportsOnlyTheCycle()
    {
        RoleId a = Ids.Role("A");
        RoleId b = Ids.Role("B");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, a))
            .Add(new RoleDefinition(a, "A", AdminUnitKind.Division, b))
            .Add(new RoleDefinition(b, "B", AdminUnitKind.Division, a));

        AssertErrors(builder, Error(AccessModelErrorCode.Cycle, $"Roles form a parent cycle: {Q(a)} → {Q(b)} → {Q(a)}.", a, b));
    }

    [Fact]
    public void Build_RoleWithUserAsParent_ReportsInvalidParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(s_ann, "Ann"))
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, new RoleId(s_ann.Value)));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidParent, $"Role {Q(s_sales)} has user {Q(s_ann)} as its parent; a parent must be a role.", s_sales, s_ann));
    }

    [Fact]
    public void Build_FunctionalRoleUnderOrganizationalRole_ReportsInvalidParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division))
            .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.FunctionalRole, s_sales));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidParent, $"Functional role {Q(s_sellers)} has parent {Q(s_sales)} of kind `Division`; functional roles form their own tree.", s_sellers, s_sales));
    }

    [Fact]
    public void Build_OrganizationalRoleUnderFunctionalRole_ReportsInvalidParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.FunctionalRole))
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Team, s_sellers));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidParent, $"Organizational role {Q(s_sales)} has parent {Q(s_sellers)} of kind `FunctionalRole`; organizational roles form their own tree.", s_sales, s_sellers));
    }

    [Fact]
    public void Build_OrganizationalRoleUnderManagerUnit_ReportsInvalidParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization))
            .Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager, s_office))
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, s_managers));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidParent, $"Organizational role {Q(s_sales)} has parent {Q(s_managers)} of kind `Manager`; organizational roles form their own tree.", s_sales, s_managers));
    }

    [Fact]
    public void Build_ManagerUnitWithoutParent_ReportsManagerWithoutOrganizationalParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager));

        AssertErrors(builder, Error(AccessModelErrorCode.ManagerWithoutOrganizationalParent, $"Manager role {Q(s_managers)} has no parent; a manager role's parent is the organizational role it manages.", s_managers));
    }

    [Fact]
    public void Build_ManagerUnitUnderFunctionalRole_ReportsManagerWithoutOrganizationalParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.FunctionalRole))
            .Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager, s_sellers));

        AssertErrors(builder, Error(AccessModelErrorCode.ManagerWithoutOrganizationalParent, $"Manager role {Q(s_managers)} has parent {Q(s_sellers)} of kind `FunctionalRole`; a manager role's parent must be an organizational role.", s_managers, s_sellers));
    }

    [Fact]
    public void Build_ManagerUnitUnderManagerUnit_ReportsManagerWithoutOrganizationalParent()
    {
        RoleId deputies = Ids.Role("Deputies");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization))
            .Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager, s_office))
            .Add(new RoleDefinition(deputies, "Deputies", AdminUnitKind.Manager, s_managers));

        AssertErrors(builder, Error(AccessModelErrorCode.ManagerWithoutOrganizationalParent, $"Manager role {Q(deputies)} has parent {Q(s_managers)} of kind `Manager`; a manager role's parent must be an organizational role.", deputies, s_managers));
    }

    [Fact]
    public void Build_TwoManagerUnitsForOneRole_ReportsDuplicateManager()
    {
        RoleId deputies = Ids.Role("Deputies");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization))
            .Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager, s_office))
            .Add(new RoleDefinition(deputies, "Deputies", AdminUnitKind.Manager, s_office));

        AssertErrors(builder, Error(AccessModelErrorCode.DuplicateManager, $"Organizational role {Q(s_office)} has two manager roles, {Q(s_managers)} and {Q(deputies)}.", s_office, s_managers, deputies));
    }

    [Fact]
    public void Build_ManagerUnitsForTwoRoles_Succeeds()
    {
        RoleId salesManagers = Ids.Role("Sales managers");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization))
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, s_office))
            .Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager, s_office))
            .Add(new RoleDefinition(salesManagers, "Sales managers", AdminUnitKind.Manager, s_sales));

        Assert.Equal(7, builder.Build().Roles.Length);
    }

    // Portal users.

    [Fact]
    public void Build_PortalUserInAllEmployees_ReportsExternalUserInNonPortalRole()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(s_pat, "Pat", AdminUnitKind.ExternalUser))
            .Add(new RoleMembership(s_pat, BuiltInRoles.AllEmployees));

        AssertErrors(builder, Error(AccessModelErrorCode.ExternalUserInNonPortalRole, $"External user (portal user) {Q(s_pat)} is a member of `a29a3ba5-4b0d-de11-9a51-005056c00008`, which is not All external users (All portal users) or a role below it.", s_pat, BuiltInRoles.AllEmployees));
    }

    [Fact]
    public void Build_PortalUserInFunctionalRole_ReportsExternalUserInNonPortalRole()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.FunctionalRole))
            .Add(new UserDefinition(s_pat, "Pat", AdminUnitKind.ExternalUser))
            .Add(new RoleMembership(s_pat, s_sellers));

        AssertErrors(builder, Error(AccessModelErrorCode.ExternalUserInNonPortalRole, $"External user (portal user) {Q(s_pat)} is a member of {Q(s_sellers)}, which is not All external users (All portal users) or a role below it.", s_pat, s_sellers));
    }

    [Fact]
    public void Build_PortalUserInAllPortalUsersAndRolesBelowIt_Succeeds()
    {
        RoleId customer = Ids.Role("Customer");
        RoleId customerTeam = Ids.Role("Customer team");
        RoleId customerManagers = Ids.Role("Customer managers");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(customer, "Customer", AdminUnitKind.Organization, BuiltInRoles.AllPortalUsers) { Account = Ids.Account("Customer") })
            .Add(new RoleDefinition(customerTeam, "Customer team", AdminUnitKind.Team, customer))
            .Add(new RoleDefinition(customerManagers, "Customer managers", AdminUnitKind.Manager, customerTeam))
            .Add(new UserDefinition(s_pat, "Pat", AdminUnitKind.ExternalUser))
            .Add(new RoleMembership(s_pat, BuiltInRoles.AllPortalUsers))
            .Add(new RoleMembership(s_pat, customer))
            .Add(new RoleMembership(s_pat, customerTeam))
            .Add(new RoleMembership(s_pat, customerManagers));

        Assert.Equal(4, builder.Build().Memberships.Length);
    }

    // Functional links.

    [Fact]
    public void Build_LinkBetweenTwoOrganizationalRoles_ReportsInvalidFunctionalLink()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization))
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division))
            .Add(new FunctionalRoleLink(s_sales, s_office));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidFunctionalLink, $"Functional link from {Q(s_sales)} (`Division`) to {Q(s_office)} (`Organization`) must link a functional role to an organizational role.", s_sales, s_office));
    }

    [Fact]
    public void Build_LinkBetweenTwoFunctionalRoles_ReportsInvalidFunctionalLink()
    {
        RoleId staff = Ids.Role("Staff");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.FunctionalRole))
            .Add(new RoleDefinition(staff, "Staff", AdminUnitKind.FunctionalRole))
            .Add(new FunctionalRoleLink(s_sellers, staff));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidFunctionalLink, $"Functional link from {Q(s_sellers)} (`FunctionalRole`) to {Q(staff)} (`FunctionalRole`) must link a functional role to an organizational role.", s_sellers, staff));
    }

    [Fact]
    public void Build_LinkToManagerUnit_ReportsInvalidFunctionalLink()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization))
            .Add(new RoleDefinition(s_managers, "Managers", AdminUnitKind.Manager, s_office))
            .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.FunctionalRole))
            .Add(new FunctionalRoleLink(s_sellers, s_managers));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidFunctionalLink, $"Functional link from {Q(s_sellers)} (`FunctionalRole`) to {Q(s_managers)} (`Manager`) must link a functional role to an organizational role.", s_sellers, s_managers));
    }

    // Kinds and names.

    [Fact]
    public void Build_UserOfRoleKind_ReportsInvalidKind()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new UserDefinition(s_ann, "Ann", AdminUnitKind.Division));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidKind, $"User {Q(s_ann)} has kind `Division`; a user is of kind User or ExternalUser.", s_ann));
    }

    [Fact]
    public void Build_UserOfUndefinedKind_ReportsInvalidKind()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new UserDefinition(s_ann, "Ann", (AdminUnitKind)42));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidKind, $"User {Q(s_ann)} has kind `42`; a user is of kind User or ExternalUser.", s_ann));
    }

    [Fact]
    public void Build_RoleOfUserKind_ReportsInvalidKind()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.ExternalUser));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidKind, $"Role {Q(s_sales)} has kind `ExternalUser`; a role is an organization, division, team, manager or functional role.", s_sales));
    }

    [Fact]
    public void Build_RoleOfUndefinedKind_ReportsInvalidKind()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(s_sales, "Sales", (AdminUnitKind)(-1)));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidKind, $"Role {Q(s_sales)} has kind `-1`; a role is an organization, division, team, manager or functional role.", s_sales));
    }

    [Fact]
    public void Build_UserWithEmptyName_ReportsInvalidValue()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new UserDefinition(s_ann, ""));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidValue, $"User {Q(s_ann)} has no name.", s_ann));
    }

    [Fact]
    public void Build_RoleWithWhiteSpaceName_ReportsInvalidValue()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(s_sales, "  ", AdminUnitKind.Division));

        AssertErrors(builder, Error(AccessModelErrorCode.InvalidValue, $"Role {Q(s_sales)} has no name.", s_sales));
    }

    // Several problems at once.

    [Fact]
    public void Build_SeveralProblems_ReportsEveryOneInOrder()
    {
        AccessModelBuilder builder = SeveralProblems();

        AssertErrors(
            builder,
            Error(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(s_ann)} is used by more than one user.", s_ann),
            Error(AccessModelErrorCode.DanglingReference, $"Role {Q(s_sales)} has parent {Q(s_missing)}, which is not defined.", s_sales, s_missing),
            Error(AccessModelErrorCode.Cycle, $"Roles form a parent cycle: {Q(s_office)} → {Q(s_sellers)} → {Q(s_office)}.", s_office, s_sellers),
            Error(AccessModelErrorCode.ExternalUserInNonPortalRole, $"External user (portal user) {Q(s_pat)} is a member of {Q(s_sales)}, which is not All external users (All portal users) or a role below it.", s_pat, s_sales));
    }

    [Fact]
    public void Build_SeveralProblems_MessageHasSummaryAndOneLinePerProblem()
    {
        AccessModelBuilder builder = SeveralProblems();

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);

        Assert.Equal(
            Named(builder, "The access model is invalid: 4 problems.\n"
            + $"- Admin unit id {Q(s_ann)} is used by more than one user.\n"
            + $"- Role {Q(s_sales)} has parent {Q(s_missing)}, which is not defined.\n"
            + $"- Roles form a parent cycle: {Q(s_office)} → {Q(s_sellers)} → {Q(s_office)}.\n"
            + $"- External user (portal user) {Q(s_pat)} is a member of {Q(s_sales)}, which is not All external users (All portal users) or a role below it."),
            exception.Message);
    }

    [Fact]
    public void Build_OneProblem_MessageSaysOneProblem()
    {
        AccessModelBuilder builder = new AccessModelBuilder().Add(new UserDefinition(s_ann, ""));

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);

        Assert.Equal($"The access model is invalid: 1 problem.\n- User {Q(s_ann)} has no name.", exception.Message);
    }

    // The model itself.

    [Fact]
    public void Build_EmptyBuilder_ContainsTheThreeBuiltInRoles()
    {
        AccessModel model = new AccessModelBuilder().Build();

        Assert.Equal<RoleDefinition>(
            [
                new RoleDefinition(BuiltInRoles.AllEmployees, "All employees", AdminUnitKind.Organization),
                new RoleDefinition(BuiltInRoles.AllPortalUsers, "All external users", AdminUnitKind.Organization),
                new RoleDefinition(BuiltInRoles.SystemAdministrators, "System administrators", AdminUnitKind.Organization),
            ],
            model.Roles.AsEnumerable());
    }

    [Fact]
    public void Build_EmptyBuilder_ContainsTheBuiltInSystemOperations()
    {
        AccessModel model = new AccessModelBuilder().Build();

        Assert.Equal(SystemOperations.BuiltIn, model.SystemOperations);
    }

    [Fact]
    public void Build_BuiltInRoleDefinedByBuilder_KeepsThatDefinitionOnce()
    {
        RoleId group = Ids.Role("Group");
        var everyone = new RoleDefinition(BuiltInRoles.AllEmployees, "Everyone", AdminUnitKind.Organization, group);
        AccessModel model = new AccessModelBuilder()
            .Add(new RoleDefinition(group, "Group", AdminUnitKind.Organization))
            .Add(everyone)
            .Build();

        Assert.Equal(everyone, Assert.Single(model.Roles, r => r.Id == BuiltInRoles.AllEmployees));
    }

    [Fact]
    public void Build_Called_DoesNotChangeTheBuilder()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
            .Add(new UserDefinition(s_ann, "Ann"))
            .Add(new RoleMembership(s_ann, s_sales));

        builder.Build();

        Assert.Equal([new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees)], builder.Roles);
        Assert.Equal([new UserDefinition(s_ann, "Ann")], builder.Users);
        Assert.Equal([new RoleMembership(s_ann, s_sales)], builder.Memberships);
        Assert.Empty(builder.SystemOperations);
        Assert.Equal([BuiltInRoles.SystemAdministrators], builder.RolesNotInheritedByManagers);
    }

    [Fact]
    public void Build_TwiceFromOneBuilder_GivesModelsEqualInContent()
    {
        AccessModelBuilder builder = new Org()
            .Organization("Head office", "All employees")
            .Managers("Head office")
            .Functional("Sellers")
            .Link("Sellers", "Head office")
            .User("Ann", "Head office")
            .User("Boss", "Managers of Head office")
            .Delegate("Ann", "Boss", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .Builder;

        AccessModel first = builder.Build();
        AccessModel second = builder.Build();

        Assert.NotSame(first, second);
        Assert.Equal(first.Users.AsEnumerable(), second.Users.AsEnumerable());
        Assert.Equal(first.Roles.AsEnumerable(), second.Roles.AsEnumerable());
        Assert.Equal(first.Memberships.AsEnumerable(), second.Memberships.AsEnumerable());
        Assert.Equal(first.FunctionalLinks.AsEnumerable(), second.FunctionalLinks.AsEnumerable());
        Assert.Equal(first.Delegations.AsEnumerable(), second.Delegations.AsEnumerable());
        Assert.Equal(first.RolesNotInheritedByManagers.AsEnumerable(), second.RolesNotInheritedByManagers.AsEnumerable());
        Assert.Equal(first.SystemOperations.AsEnumerable(), second.SystemOperations.AsEnumerable());
        Assert.Equal(first.Settings, second.Settings);
    }

    private static AccessModelBuilder SeveralProblems() => new AccessModelBuilder()
        .Add(new UserDefinition(s_ann, "Ann"))
        .Add(new UserDefinition(s_ann, "Ann again"))
        .Add(new UserDefinition(s_pat, "Pat", AdminUnitKind.ExternalUser))
        .Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, s_missing))
        .Add(new RoleDefinition(s_office, "Head office", AdminUnitKind.Organization, s_sellers))
        .Add(new RoleDefinition(s_sellers, "Sellers", AdminUnitKind.Organization, s_office))
        .Add(new RoleMembership(s_pat, s_sales));

    private static string Q(object value) => $"`{value}`";

    private static string Error(AccessModelErrorCode code, string message, params AdminUnitId[] ids) =>
        $"{code} [{string.Join(", ", ids)}] {message}";

    private static void AssertErrors(AccessModelBuilder builder, params string[] expected)
    {
        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);
        Assert.Equal(expected.Select(e => Named(builder, e)), exception.Errors.Select(e => $"{e.Code} [{string.Join(", ", e.Ids)}] {e.Message}"));
    }

    /// <summary>An expected message as the model names its units: these tests quote ids alone, and messages name the
    /// units the model defines by name and id (issue 16; the naming itself is pinned in Issue16_PolicyFileTests).</summary>
    private static string Named(AccessModelBuilder builder, string expected)
    {
        var names = new Dictionary<Guid, string>
        {
            [BuiltInRoles.AllEmployees.Value] = "All employees",
            [BuiltInRoles.AllPortalUsers.Value] = "All portal users",
            [BuiltInRoles.SystemAdministrators.Value] = "System administrators",
        };
        foreach (RoleDefinition role in builder.Roles.Reverse())
        {
            names[role.Id.Value] = role.Name;
        }

        foreach (UserDefinition user in builder.Users.Reverse())
        {
            names[user.Id.Value] = user.Name;
        }

        return AccessModelErrorNames.Rewrite(expected, id => names.GetValueOrDefault(id));
    }
}
