using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Changes applied to the snapshot alone (a membership, a share, an object's rows) in the cases where a partial
/// update is easy to get wrong; each is compared with a compile from scratch of the model it publishes.</summary>
public sealed class IncrementalChangeTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddMembership_ThatATimeLimitedDelegationReaches_SplitsTheUsersTimeAndEndsWithTheDelegation()
    {
        Org org = new Org()
            .Role("Sales")
            .Role("Support", kind: AdminUnitKind.FunctionalRole)
            .User("Ann", "Sales")
            .User("Bob")
            .Delegate("Ann", "Support", s_now.AddDays(1));
        (AccessEvaluator evaluator, AccessAdministration admin) = Start(org);

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Bob"), org["Support"])));

        Assert.True(result.IsApplied, result.Message);
        Assert.True(evaluator.Snapshot.GetPrincipal(org.UserId("Bob"), s_now).HasEffectiveRole(org["Sales"]));
        Assert.False(evaluator.Snapshot.GetPrincipal(org.UserId("Bob"), s_now.AddDays(2)).HasEffectiveRole(org["Sales"]));
        AssertSameEffectiveRoles(evaluator.Snapshot, org, s_now, s_now.AddDays(2));
    }

    [Fact]
    public async Task RemoveMembership_InAllEmployees_LeavesAnEmployeeInAllEmployees()
    {
        Org org = new Org().Role("Sales").User("Ann", "Sales").Member("Ann", "All employees");
        (AccessEvaluator evaluator, AccessAdministration admin) = Start(org);

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new RemoveMembership(new RoleMembership(org.UserId("Ann"), BuiltInRoles.AllEmployees)));

        Assert.True(result.IsApplied, result.Message);
        Assert.DoesNotContain(evaluator.Snapshot.Model.Memberships, m => m.Role == BuiltInRoles.AllEmployees);
        Assert.True(evaluator.Snapshot.GetPrincipal(org.UserId("Ann"), s_now).HasEffectiveRole(BuiltInRoles.AllEmployees));
        AssertSameEffectiveRoles(evaluator.Snapshot, org, s_now);
    }

    [Fact]
    public async Task AddMembership_InAManagerUnit_GivesTheNewManagerTheSubtreeAndTakesTheCoManagerOutOfTheOthersEmployees()
    {
        Org org = new Org()
            .Role("Head office", kind: AdminUnitKind.Organization)
            .Managers("Head office")
            .Role("Sales", "Head office")
            .User("Boss", "Managers of Head office")
            .User("Ann", "Head office");
        (AccessEvaluator evaluator, AccessAdministration admin) = Start(org);
        Assert.True(evaluator.Snapshot.GetPrincipal(org.UserId("Boss"), s_now).HasEffectiveRole(org.Unit("Ann")));

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Ann"), org["Managers of Head office"])));

        Assert.True(result.IsApplied, result.Message);
        Assert.True(evaluator.Snapshot.GetPrincipal(org.UserId("Ann"), s_now).HasEffectiveRole(org["Sales"]));
        Assert.False(evaluator.Snapshot.GetPrincipal(org.UserId("Boss"), s_now).HasEffectiveRole(org.Unit("Ann")));
        AssertSameEffectiveRoles(evaluator.Snapshot, org, s_now);
    }

    [Fact]
    public async Task UnshareRecord_OfARowThatIsNotThere_IsRefusedByTheFullPathAndChangesNothing()
    {
        ObjectName account = "Account";
        Org org = new Org().Role("Sales").User("Ann", "Sales");
        org.Builder.Add(new ObjectDefinition(account) { UseRecordPermissions = true });
        RecordId record = Ids.Record("r1");
        org.Builder.Add(new RecordDefinition(account, record, org.UserId("Ann"), null));
        (AccessEvaluator evaluator, AccessAdministration admin) = Start(org);
        AccessSnapshot before = evaluator.Snapshot;

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new UnshareRecord(account, record, org.Unit("Sales"), RecordOperation.Read));

        Assert.False(result.IsApplied);
        Assert.Equal(AccessChangeRefusal.NotFound, result.Refusal);
        Assert.Same(before, evaluator.Snapshot);
    }

    private static (AccessEvaluator Evaluator, AccessAdministration Admin) Start(Org org)
    {
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        return (evaluator, new AccessAdministration(evaluator));
    }

    private static void AssertSameEffectiveRoles(AccessSnapshot incremental, Org org, params DateTimeOffset[] instants)
    {
        AccessSnapshot compiled = AccessSnapshot.Compile(incremental.Model, incremental.Version);
        foreach (UserDefinition user in incremental.Model.Users)
        {
            foreach (DateTimeOffset instant in instants)
            {
                HashSet<AdminUnitId> expected = [.. Units(compiled.GetPrincipal(user.Id, instant).EffectiveRoles)];
                HashSet<AdminUnitId> actual = [.. Units(incremental.GetPrincipal(user.Id, instant).EffectiveRoles)];
                Assert.True(expected.SetEquals(actual), $"E({org.Label(user.Id)}) at {instant:O} differs from a compile from scratch.");
            }
        }
    }

    private static List<AdminUnitId> Units(EffectiveRoleSet set)
    {
        var units = new List<AdminUnitId>();
        foreach (AdminUnitId unit in set)
        {
            units.Add(unit);
        }

        return units;
    }
}
