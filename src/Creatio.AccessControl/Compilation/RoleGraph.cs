using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>What <c>E(u)</c> is computed from (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>): parents and functional links, direct memberships both ways,
/// the roles not inherited by managers and the delegations, by unit index. Immutable; a membership change makes a new graph
/// that shares everything but the two lists it touches.</summary>
/// <remarks>No role's closure is stored: a closure is as long as the role is deep, so storing every one would take the
/// square of the depth. <see cref="AddClosure"/> walks it into a set instead, stopping where the set already has it.</remarks>
internal sealed class RoleGraph
{
    private readonly int[]?[] _linked;

    private RoleGraph(
        UnitTable units,
        int[]?[] linked,
        PagedArray<int[]> direct,
        int[][] members,
        int[][] children,
        bool[] notInherited,
        (int Grantor, int Recipient, long EndsAt)[] delegations,
        int[] managerOf)
    {
        ManagerOf = managerOf;
        Units = units;
        Words = Bits.WordsFor(units.RoleCount);
        UserWords = Bits.WordsFor(units.UserCount);
        _linked = linked;
        Direct = direct;
        Members = members;
        Children = children;
        NotInherited = notInherited;
        NotInheritedRoles = [.. Enumerable.Range(0, notInherited.Length).Where(r => notInherited[r])];
        Delegations = delegations;
        AllEmployees = units.IndexOf[BuiltInRoles.AllEmployees];
    }

    public UnitTable Units { get; }

    public int Words { get; }

    public int UserWords { get; }

    /// <summary>Gets the roles each user (by ordinal) directly belongs to, All employees included for employees.</summary>
    public PagedArray<int[]> Direct { get; }

    /// <summary>Gets the direct members (user ordinals) of each role.</summary>
    public int[][] Members { get; }

    /// <summary>Gets the child roles of each role.</summary>
    public int[][] Children { get; }

    /// <summary>Gets whether each role is one of the roles not inherited by managers.</summary>
    public bool[] NotInherited { get; }

    /// <summary>Gets the roles not inherited by managers, by unit index.</summary>
    public int[] NotInheritedRoles { get; }

    /// <summary>Gets the unit index of All employees, which every employee directly belongs to.</summary>
    public int AllEmployees { get; }

    /// <summary>Gets the manager unit of each organizational role, or -1.</summary>
    public int[] ManagerOf { get; }

    /// <summary>Gets the delegations: grantor and recipient unit, end in UTC ticks (<see cref="long.MaxValue"/> for none).</summary>
    public (int Grantor, int Recipient, long EndsAt)[] Delegations { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RoleGraph Create(AccessModel model, UnitTable units)
    {
        int roleCount = units.RoleCount;
        var children = new List<int>[roleCount];
        for (int r = 0; r < roleCount; r++)
        {
            children[r] = [];
        }

        for (int r = 0; r < roleCount; r++)
        {
            if (units.Parent[r] >= 0)
            {
                children[units.Parent[r]].Add(r);
            }
        }

        var direct = new List<int>[units.UserCount];
        int allEmployees = units.IndexOf[BuiltInRoles.AllEmployees];
        for (int u = 0; u < direct.Length; u++)
        {
            direct[u] = units.Users[u].IsExternal ? [] : [allEmployees];
        }

        foreach (RoleMembership membership in model.Memberships)
        {
            int user = units.UserOfUnit(units.IndexOf[membership.User]);
            int role = units.IndexOf[membership.Role];
            if (!direct[user].Contains(role))
            {
                direct[user].Add(role);
            }
        }

        var members = new List<int>[roleCount];
        for (int r = 0; r < roleCount; r++)
        {
            members[r] = [];
        }

        for (int u = 0; u < direct.Length; u++)
        {
            foreach (int role in direct[u])
            {
                members[role].Add(u);
            }
        }

        var notInherited = new bool[roleCount];
        foreach (RoleId role in model.RolesNotInheritedByManagers)
        {
            notInherited[units.IndexOf[role]] = true;
        }

        var managerOf = new int[roleCount];
        Array.Fill(managerOf, -1);
        for (int r = 0; r < roleCount; r++)
        {
            if (units.Roles[r].Kind == AdminUnitKind.Manager && units.Parent[r] >= 0)
            {
                managerOf[units.Parent[r]] = r;
            }
        }

        var linked = new List<int>?[roleCount];
        foreach (FunctionalRoleLink link in model.FunctionalLinks)
        {
            List<int> functional = linked[units.IndexOf[link.OrganizationalRole]] ??= [];
            int f = units.IndexOf[link.FunctionalRole];
            if (!functional.Contains(f))
            {
                functional.Add(f);
            }
        }

        (int, int, long)[] delegations = [.. model.Delegations.Select(d => (units.IndexOf[d.Grantor], units.IndexOf[d.Recipient], d.EndsAt?.UtcTicks ?? long.MaxValue))];
        return new RoleGraph(
            units,
            [.. linked.Select(l => l?.ToArray())],
            new PagedArray<int[]>([.. direct.Select(d => d.ToArray())]),
            [.. members.Select(m => m.ToArray())],
            [.. children.Select(c => c.ToArray())],
            notInherited,
            delegations,
            managerOf);
    }

    /// <summary>Adds a role's closure under rules 3 and 4 (the role, its ancestors, the functional roles linked to any of
    /// them and their ancestors) to a set of roles that is already closed under those rules.</summary>
    /// <remarks>Because the set is closed, a role already in it brings nothing new, and the walk stops there: adding the
    /// closures of many roles to one set costs the roles added, not the sum of the closures' lengths.</remarks>
    /// <param name="closed">A role bit set closed under rules 3 and 4; it stays closed.</param>
    /// <param name="role">The role's unit index.</param>
    public void AddClosure(Span<ulong> closed, int role) => AddClosure(closed, role, EffectiveRoleRule.DirectMembership, -1, default(NoProvenance));

    /// <summary>Adds a role's closure under rules 3 and 4 to a closed set, as <see cref="AddClosure(Span{ulong}, int)"/>,
    /// reporting each role added to <paramref name="sink"/>: the role itself by <paramref name="rule"/> through
    /// <paramref name="via"/>, its ancestors by inheritance, the functional roles linked by their link.</summary>
    /// <param name="closed">A role bit set closed under rules 3 and 4; it stays closed.</param>
    /// <param name="role">The role's unit index.</param>
    /// <param name="rule">The rule that brings the role itself.</param>
    /// <param name="via">The unit the role itself comes through, or -1.</param>
    /// <param name="sink">Where to report the roles added.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddClosure<TSink>(Span<ulong> closed, int role, EffectiveRoleRule rule, int via, TSink sink)
        where TSink : IEffectiveRoleSink
    {
        int[] parent = Units.Parent;
        for (int current = role; current >= 0 && !Bits.Get(closed, current); via = current, current = parent[current], rule = EffectiveRoleRule.Inheritance)
        {
            Bits.Set(closed, current);
            sink.Added(current, rule, via);

            // Links go from organizational roles to functional roles, whose ancestors have no links: one level deep.
            if (_linked[current] is { } functional)
            {
                foreach (int f in functional)
                {
                    AddClosure(closed, f, EffectiveRoleRule.FunctionalLink, current, sink);
                }
            }
        }
    }

    /// <summary>Returns a role's closure under rules 3 and 4 as a new bit set.</summary>
    public ulong[] ClosureOf(int role)
    {
        var closed = new ulong[Words];
        AddClosure(closed, role);
        return closed;
    }

    public bool IsManager(int role) => Units.Roles[role].Kind == AdminUnitKind.Manager;

    /// <summary>Returns the graph with a user's direct membership in a role added or removed.</summary>
    /// <remarks>Returns this graph when the direct roles do not change: an employee always belongs to All employees.</remarks>
    public RoleGraph WithMembership(int user, int role, bool member)
    {
        member |= !Units.Users[user].IsExternal && Units.Ids[role] == BuiltInRoles.AllEmployees;
        if (Direct[user].Contains(role) == member)
        {
            return this;
        }

        PagedArray<int[]> direct = Direct.With(user, member ? [.. Direct[user], role] : [.. Direct[user].Where(r => r != role)]);
        var members = (int[][])Members.Clone();
        members[role] = member ? [.. Members[role], user] : [.. Members[role].Where(u => u != user)];
        return new RoleGraph(Units, _linked, direct, members, Children, NotInherited, Delegations, ManagerOf);
    }

    /// <summary>The manager units of the organizational roles a user directly belongs to (All employees included for
    /// employees), sorted by unit index: the implicit grantees of the records the user authors or owns (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/record-rights.md#implicit-rights-author-owner-and-their-managers">implicit rights</see>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] ManagerUnitsOf(int user)
    {
        var managers = new List<int>();
        foreach (int role in Direct[user])
        {
            int manager = ManagerOf[role];
            if (manager >= 0 && Units.Roles[role].IsOrganizational && !managers.Contains(manager))
            {
                managers.Add(manager);
            }
        }

        if (managers.Count == 0)
        {
            return [];
        }

        int[] sorted = [.. managers];
        Array.Sort(sorted);
        return sorted;
    }
}
