using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>A membership change reuses what the compile before it computed for the manager units and managers it does not
/// touch (<c>EffectiveRoleMemo</c>); after every change, <c>E(u)</c> of every user is what a compile from scratch gives.</summary>
public sealed class EffectiveRoleMemoTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Five nested divisions, each with a manager unit and a manager; an employee at each level; a functional role
    /// linked to the middle division; a child role of System administrators; Eve outside the tree.</summary>
    private static Org Nested()
    {
        Org org = new Org().Functional("Auditors").Role("Night admins", "System administrators").User("Eve");
        for (int level = 0; level < 5; level++)
        {
            org.Role($"D{level}", level == 0 ? "All employees" : $"D{level - 1}")
                .Managers($"D{level}")
                .User($"Boss{level}", $"Managers of D{level}")
                .User($"Emp{level}", $"D{level}");
        }

        return org.Link("Auditors", "D2");
    }

    public static TheoryData<string, string, bool> Changes() => new()
    {
        { "Eve", "D4", true },
        { "Eve", "D0", true },
        { "Emp4", "D4", false },
        { "Emp1", "Managers of D1", true },
        { "Boss3", "Managers of D3", false },
        { "Boss1", "D3", true },
        { "Emp2", "Night admins", true },
        { "Eve", "Auditors", true },
        { "Boss0", "Managers of D4", true },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task MembershipChange_AfterOthers_EveryEffectiveRoleSetEqualsACompileFromScratch(string user, string role, bool member)
    {
        Org org = Nested();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);

        // Every change of the list up to this one, then this one undone and done again: each reuses what the one before
        // computed.
        foreach ((string u, string r, bool m) in Changes().Select(row => ((string)row[0], (string)row[1], (bool)row[2])))
        {
            await Apply(admin, org, u, r, m);
            AssertSameAsCompiled(evaluator.Snapshot, org);
            if ((u, r, m) == (user, role, member))
            {
                await Apply(admin, org, u, r, !m);
                AssertSameAsCompiled(evaluator.Snapshot, org);
                await Apply(admin, org, u, r, m);
                AssertSameAsCompiled(evaluator.Snapshot, org);
                break;
            }
        }
    }

    [Fact]
    public async Task MembershipChange_DeepInNestedManagers_EveryManagerAboveObtainsTheUserAndNoneBelow()
    {
        Org org = Nested();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);

        await Apply(admin, org, "Eve", "D3", member: true);

        for (int level = 0; level < 5; level++)
        {
            Assert.Equal(level <= 3, evaluator.Snapshot.GetPrincipal(org.UserId($"Boss{level}"), s_now).HasEffectiveRole(org.Unit("Eve")));
        }

        AssertSameAsCompiled(evaluator.Snapshot, org);
    }

    private static async Task Apply(AccessAdministration admin, Org org, string user, string role, bool member)
    {
        var membership = new RoleMembership(org.UserId(user), org[role]);
        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, member ? new AddMembership(membership) : new RemoveMembership(membership));
        Assert.True(result.IsApplied, $"{(member ? "adding" : "removing")} {user} in {role}: {result.Message}");
    }

    private static void AssertSameAsCompiled(AccessSnapshot incremental, Org org)
    {
        AccessSnapshot compiled = AccessSnapshot.Compile(incremental.Model, incremental.Version);
        foreach (UserDefinition user in incremental.Model.Users)
        {
            Assert.Equal(org.EffectiveRoles(compiled, org.Label(user.Id), s_now), org.EffectiveRoles(incremental, org.Label(user.Id), s_now));

            // The summary of E(u) may keep the bits of units taken out, never miss a member.
            AccessPrincipal principal = incremental.GetPrincipal(user.Id, s_now);
            foreach (AdminUnitId unit in principal.EffectiveRoles)
            {
                Assert.True(incremental.TryGetUnit(unit, out int index));
                Assert.True(incremental.Roles.SignatureOf(principal.Subject).MayContain(index), $"the summary of E({org.Label(user.Id)}) misses {org.Label(unit)}");
            }
        }
    }
}
