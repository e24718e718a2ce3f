using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16: the roles not inherited by managers start with System administrators; setting the list on a builder
/// must replace it, plainly.</summary>
public sealed class Issue16_RolesNotInheritedTests
{
    [Fact]
    public void NewBuilder_ListHoldsSystemAdministrators()
    {
        Assert.Equal([BuiltInRoles.SystemAdministrators], new AccessModelBuilder().RolesNotInheritedByManagers);
    }

    [Fact]
    public void Set_ReplacesTheListInTheGivenOrder()
    {
        RoleId auditors = Ids.Role("Auditors");
        var builder = new AccessModelBuilder();

        AccessModelBuilder returned = builder.SetRolesNotInheritedByManagers([auditors, BuiltInRoles.SystemAdministrators]);

        Assert.Same(builder, returned);
        Assert.Equal([auditors, BuiltInRoles.SystemAdministrators], builder.RolesNotInheritedByManagers);
    }

    [Fact]
    public void SetEmpty_ManagerInheritsSystemAdministratorsFromAnEmployee()
    {
        Org org = Organization();
        Assert.DoesNotContain("System administrators", EffectiveRoles(org, org.Compile(), "Ann").Split(", "));

        org.Builder.SetRolesNotInheritedByManagers([]);

        Assert.Contains("System administrators", EffectiveRoles(org, org.Compile(), "Ann").Split(", "));
    }

    [Fact]
    public void SetFromItsOwnList_KeepsIt()
    {
        var builder = new AccessModelBuilder();

        builder.SetRolesNotInheritedByManagers(builder.RolesNotInheritedByManagers);

        Assert.Equal([BuiltInRoles.SystemAdministrators], builder.RolesNotInheritedByManagers);
    }

    [Fact]
    public void SetNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new AccessModelBuilder().SetRolesNotInheritedByManagers(null!));
    }
}
