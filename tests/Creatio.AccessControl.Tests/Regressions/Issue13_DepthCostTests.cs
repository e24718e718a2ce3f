using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13: cost grew much faster than depth. Compiling stored every role's closure (a 100,000-level role chain
/// peaked at 2.7 GB), and a membership change under nested managers recomputed every manager's subtree from scratch and
/// copied every touched unit's list of subjects (2,000 nested managers over 5,000 employees: 1.8 s per change). Measured
/// here in bytes allocated, which do not depend on the machine's speed or load.</summary>
public sealed class Issue13_DepthCostTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compile_RoleChainTwentyThousandDeep_AllocatesInProportionToItsLength()
    {
        AccessModel model = Chain(20_000, users: 10).Build();

        long before = GC.GetAllocatedBytesForCurrentThread();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"allocated {allocated:N0} bytes");
        Assert.True(snapshot.GetPrincipal(Ids.User("user 9"), s_now).HasEffectiveRole(BuiltInRoles.AllEmployees));
        Assert.InRange(allocated, 0, 16L << 20);
    }

    [Fact]
    public async Task AddMembership_UnderFiveHundredNestedManagers_AllocatesInProportionToWhatItTouches()
    {
        AccessModelBuilder builder = NestedManagers(500, employees: 1000);
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(builder.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);
        var membership = new RoleMembership(Ids.User("employee 0"), Ids.Role("division 499"));
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await admin.ApplyAsync(AccessActor.System, new AddMembership(membership))).IsApplied);
            Assert.True((await admin.ApplyAsync(AccessActor.System, new RemoveMembership(membership))).IsApplied);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddMembership(membership));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"allocated {allocated:N0} bytes");
        Assert.True(result.IsApplied, result.Message);
        Assert.True(evaluator.Snapshot.GetPrincipal(Ids.User("manager 0"), s_now).HasEffectiveRole(Ids.Role("division 499")));
        Assert.InRange(allocated, 0, 4L << 20);
    }

    /// <summary>Divisions nested <paramref name="levels"/> deep under All employees, users spread evenly along them.</summary>
    private static AccessModelBuilder Chain(int levels, int users)
    {
        var builder = new AccessModelBuilder();
        for (int level = 0; level < levels; level++)
        {
            builder.Add(new RoleDefinition(Ids.Role($"level {level}"), $"Level {level}", AdminUnitKind.Division, level == 0 ? BuiltInRoles.AllEmployees : Ids.Role($"level {level - 1}")));
        }

        for (int k = 0; k < users; k++)
        {
            builder.Add(new UserDefinition(Ids.User($"user {k}"), $"User {k}"));
            builder.Add(new RoleMembership(Ids.User($"user {k}"), Ids.Role($"level {((k + 1) * levels / users) - 1}")));
        }

        return builder;
    }

    /// <summary>Divisions nested <paramref name="levels"/> deep, each with a manager unit and a manager; employees spread
    /// round-robin over them.</summary>
    private static AccessModelBuilder NestedManagers(int levels, int employees)
    {
        var builder = new AccessModelBuilder();
        for (int level = 0; level < levels; level++)
        {
            builder.Add(new RoleDefinition(Ids.Role($"division {level}"), $"Division {level}", AdminUnitKind.Division, level == 0 ? BuiltInRoles.AllEmployees : Ids.Role($"division {level - 1}")));
            builder.Add(new RoleDefinition(Ids.Role($"managers {level}"), $"Managers of division {level}", AdminUnitKind.Manager, Ids.Role($"division {level}")));
            builder.Add(new UserDefinition(Ids.User($"manager {level}"), $"Manager {level}"));
            builder.Add(new RoleMembership(Ids.User($"manager {level}"), Ids.Role($"managers {level}")));
        }

        for (int k = 0; k < employees; k++)
        {
            builder.Add(new UserDefinition(Ids.User($"employee {k}"), $"Employee {k}"));
            builder.Add(new RoleMembership(Ids.User($"employee {k}"), Ids.Role($"division {k % levels}")));
        }

        return builder;
    }
}
