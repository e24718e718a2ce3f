using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13: a manager whose subordinate sat in a child role of System administrators obtained System
/// administrators (the closure of the subordinate's role added it back as a parent), and with it every built-in system
/// operation. DESIGN.md §2 rule 5: a role not inherited by managers is never obtained through manager inheritance.</summary>
public sealed class Issue13_ManagerInheritanceTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Org Company() => new Org()
        .Organization("Head office", "All employees")
        .Managers("Head office")
        .Role("Sales", "Head office")
        .Role("Night admins", "System administrators")
        .User("Boss", "Managers of Head office")
        .User("Ops", "Sales");

    [Fact]
    public void Compile_SubordinateInChildOfSystemAdministrators_ManagerHoldsNoBuiltInSystemOperation()
    {
        Org org = Company().Member("Ops", "Night admins");
        AccessSnapshot snapshot = org.Compile();

        AccessPrincipal boss = snapshot.GetPrincipal(org.UserId("Boss"), s_now);

        Assert.False(boss.HasEffectiveRole(BuiltInRoles.SystemAdministrators));
        Assert.True(boss.HasEffectiveRole(org["Night admins"]));
        Assert.False(boss.CheckSystemOperation(SystemOperations.CanManageUsers).IsAllowed);
        Assert.True(snapshot.GetPrincipal(org.UserId("Ops"), s_now).CheckSystemOperation(SystemOperations.CanManageUsers).IsAllowed);
    }

    [Fact]
    public async Task AddMembership_SubordinateJoinsChildOfSystemAdministrators_ManagerDoesNotObtainSystemAdministrators()
    {
        Org org = Company();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Ops"), org["Night admins"])));

        Assert.True(result.IsApplied, result.Message);
        AccessPrincipal boss = evaluator.Snapshot.GetPrincipal(org.UserId("Boss"), s_now);
        Assert.True(boss.HasEffectiveRole(org["Night admins"]));
        Assert.False(boss.HasEffectiveRole(BuiltInRoles.SystemAdministrators));
        Assert.False(boss.CheckSystemOperation(SystemOperations.CanManageUsers).IsAllowed);
    }

    [Fact]
    public async Task AddMembership_ChildOfSystemAdministratorsHolderJoinsTheManagedSubtree_ManagerDoesNotObtainSystemAdministrators()
    {
        Org org = Company().User("Eve", "Night admins");
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Eve"), org["Sales"])));

        Assert.True(result.IsApplied, result.Message);
        AccessPrincipal boss = evaluator.Snapshot.GetPrincipal(org.UserId("Boss"), s_now);
        Assert.True(boss.HasEffectiveRole(org.Unit("Eve")));
        Assert.False(boss.HasEffectiveRole(BuiltInRoles.SystemAdministrators));
        Assert.False(boss.CheckSystemOperation(SystemOperations.CanManageUsers).IsAllowed);
    }
}
