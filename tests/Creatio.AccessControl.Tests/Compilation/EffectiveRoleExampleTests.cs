using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The example of DESIGN.md §2, the one Creatio's documentation uses.</summary>
public sealed class EffectiveRoleExampleTests
{
    private static Org DesignExample() => new Org()
        .Organization("Head office", "All employees")
        .Role("Sales department", "Head office")
        .Role("Support department", "Head office")
        .Managers("Head office")
        .Role("Secretaries HO", "Head office")
        .Organization("Branch", "All employees")
        .Role("Secretaries Branch", "Branch")
        .Functional("Secretaries")
        .Link("Secretaries", "Secretaries HO")
        .Link("Secretaries", "Secretaries Branch")
        .Organization("Portal org", "All portal users")
        .User("Seller", "Sales department")
        .User("Boss", "Managers of Head office")
        .User("Helen", "Secretaries HO")
        .User("Bruno", "Secretaries Branch")
        .Portal("Pat", "Portal org");

    [Fact]
    public void UserInSalesDepartment_HasSalesHeadOfficeAndAllEmployees()
    {
        Org org = DesignExample();
        AccessSnapshot snapshot = org.Compile();

        Assert.Equal(["All employees", "Head office", "Sales department", "Seller"], org.EffectiveRoles(snapshot, "Seller"));
    }

    [Fact]
    public void ManagerOfHeadOffice_HasBothDepartmentsAndTheirEmployees()
    {
        Org org = DesignExample();
        AccessSnapshot snapshot = org.Compile();

        IReadOnlyList<string> roles = org.EffectiveRoles(snapshot, "Boss");

        Assert.Contains("Head office", roles);
        Assert.Contains("All employees", roles);
        Assert.Contains("Sales department", roles);
        Assert.Contains("Support department", roles);
        Assert.Contains("Seller", roles);
        Assert.Contains("Helen", roles);
        Assert.Contains("Secretaries", roles);
        Assert.DoesNotContain("Branch", roles);
        Assert.DoesNotContain("Bruno", roles);
    }

    [Fact]
    public void FunctionalRoleLinkedToTwoOffices_ReachesBothSecretaries()
    {
        Org org = DesignExample();
        AccessSnapshot snapshot = org.Compile();

        Assert.Contains("Secretaries", org.EffectiveRoles(snapshot, "Helen"));
        Assert.Contains("Secretaries", org.EffectiveRoles(snapshot, "Bruno"));
        Assert.DoesNotContain("Secretaries", org.EffectiveRoles(snapshot, "Seller"));
    }

    [Fact]
    public void PortalUser_HasPortalOrganizationAndAllPortalUsersButNotAllEmployees()
    {
        Org org = DesignExample();
        AccessSnapshot snapshot = org.Compile();

        Assert.Equal(["All portal users", "Pat", "Portal org"], org.EffectiveRoles(snapshot, "Pat"));
    }
}
