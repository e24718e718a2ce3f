namespace Creatio.AccessControl.Benchmarks.Depth;

/// <summary>Models whose cost must follow their depth, not its square: a long chain of roles and deeply nested managers.</summary>
/// <remarks>Ids are derived from a kind and a number, as the reference workload's are, so every run builds the same model.</remarks>
internal static class DepthModels
{
    /// <summary>A chain of <paramref name="levels"/> divisions, each the parent of the next, under All employees;
    /// <paramref name="users"/> employees spread evenly along it (user <c>k</c> in the division at depth
    /// <c>(k + 1) · levels / users − 1</c>, the last at the bottom).</summary>
    public static AccessModelBuilder Chain(int levels, int users)
    {
        var builder = new AccessModelBuilder();
        for (int level = 0; level < levels; level++)
        {
            builder.Add(new RoleDefinition(Role(level), $"Level {level}", AdminUnitKind.Division, level == 0 ? BuiltInRoles.AllEmployees : Role(level - 1)));
        }

        for (int k = 0; k < users; k++)
        {
            builder.Add(new UserDefinition(User(k), $"User {k}"));
            builder.Add(new RoleMembership(User(k), Role((int)(((long)(k + 1) * levels / users) - 1))));
        }

        return builder;
    }

    /// <summary><paramref name="levels"/> nested divisions, each the parent of the next, each with a Manager unit and one
    /// manager in it; <paramref name="employees"/> employees spread round-robin over the divisions.</summary>
    public static AccessModelBuilder NestedManagers(int levels, int employees)
    {
        var builder = new AccessModelBuilder();
        for (int level = 0; level < levels; level++)
        {
            builder.Add(new RoleDefinition(Role(level), $"Division {level}", AdminUnitKind.Division, level == 0 ? BuiltInRoles.AllEmployees : Role(level - 1)));
            builder.Add(new RoleDefinition(ManagerUnit(level), $"Managers of division {level}", AdminUnitKind.Manager, Role(level)));
            builder.Add(new UserDefinition(Manager(level), $"Manager {level}"));
            builder.Add(new RoleMembership(Manager(level), ManagerUnit(level)));
        }

        for (int k = 0; k < employees; k++)
        {
            builder.Add(new UserDefinition(User(k), $"Employee {k}"));
            builder.Add(new RoleMembership(User(k), Role(k % levels)));
        }

        return builder;
    }

    public static RoleId Role(int level) => new(Id(1, level));

    public static RoleId ManagerUnit(int level) => new(Id(2, level));

    public static UserId Manager(int level) => new(Id(3, level));

    public static UserId User(int k) => new(Id(4, k));

    private static Guid Id(int kind, int number) => Workload.ReferenceWorkloadModel.MakeGuid(0xDE000000u | (uint)kind, number);
}
