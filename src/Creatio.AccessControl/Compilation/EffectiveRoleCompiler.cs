namespace Creatio.AccessControl.Compilation;

/// <summary>Computes <c>E(u)</c> by the rules of DESIGN.md §2, for every user of a graph or for some of them, remembering
/// what it has computed (each manager unit's managed roles and users, each user's own roles) for the rest of the run.</summary>
internal sealed class EffectiveRoleCompiler(RoleGraph graph)
{
    private readonly Dictionary<int, (ulong[] Roles, ulong[] Users)> _managed = [];
    private readonly Dictionary<int, ulong[]> _employee = [];
    private readonly Dictionary<int, (ulong[] Roles, ulong[]? Users)> _base = [];

    public RoleGraph Graph => graph;

    /// <summary>Compiles the effective role sets of every user.</summary>
    public static EffectiveRoleTable Compile(AccessModel model, UnitTable units)
    {
        RoleGraph graph = RoleGraph.Create(model, units);
        var compiler = new EffectiveRoleCompiler(graph);
        int userCount = units.UserCount;
        int words = graph.Words;
        var roleBits = new List<ulong>(userCount * words);
        var userBits = new List<ulong[]?>(userCount);
        var subjectUser = new List<int>(userCount);
        var subjectEndsAt = new List<long>(userCount);
        var firstSubject = new int[userCount + 1];
        for (int u = 0; u < userCount; u++)
        {
            firstSubject[u] = subjectUser.Count;
            foreach ((long endsAt, ulong[] roles, ulong[]? users) in compiler.Subjects(u))
            {
                roleBits.AddRange(roles);
                userBits.Add(users);
                subjectUser.Add(u);
                subjectEndsAt.Add(endsAt);
            }
        }

        firstSubject[userCount] = subjectUser.Count;
        return new EffectiveRoleTable(graph, [.. roleBits], [.. userBits], [.. subjectUser], [.. subjectEndsAt], firstSubject);
    }

    /// <summary>Computes a user's subjects: one per interval between the distinct ends of the delegations that reach the
    /// user, <c>[.., e1), [e1, e2), …, [ek, ∞)</c>, each with its role bits and other users (rule 6 on top of rules 1–5).</summary>
    public List<(long EndsAt, ulong[] Roles, ulong[]? Users)> Subjects(int u)
    {
        var applying = new List<(int Grantor, long EndsAt)>();
        foreach ((int grantor, int recipient, long endsAt) in graph.Delegations)
        {
            if (BaseContains(u, recipient))
            {
                applying.Add((grantor, endsAt));
            }
        }

        (ulong[] baseRoles, ulong[]? baseUsers) = Base(u);
        UnitTable units = graph.Units;
        long[] ends = [.. applying.Where(a => a.EndsAt != long.MaxValue).Select(a => a.EndsAt).Distinct().Order(), long.MaxValue];
        var subjects = new List<(long, ulong[], ulong[]?)>(ends.Length);
        foreach (long intervalEnd in ends)
        {
            var roles = (ulong[])baseRoles.Clone();
            ulong[]? users = baseUsers is null ? null : (ulong[])baseUsers.Clone();
            foreach ((int grantor, long endsAt) in applying)
            {
                if (endsAt < intervalEnd)
                {
                    continue;
                }

                if (units.IsRole(grantor))
                {
                    Bits.Or(roles, graph.Closure(grantor));
                    continue;
                }

                int g = units.UserOfUnit(grantor);
                (ulong[] grantorRoles, ulong[]? grantorUsers) = Base(g);
                Bits.Or(roles, grantorRoles);
                if (g != u)
                {
                    Bits.Set(users ??= new ulong[graph.UserWords], g);
                }

                if (grantorUsers is not null)
                {
                    Bits.Or(users ??= new ulong[graph.UserWords], grantorUsers);
                }
            }

            subjects.Add((intervalEnd, roles, WithoutSelf(users, u)));
        }

        return subjects;
    }

    /// <summary>A user's roles and other users before delegations (rules 1–5).</summary>
    public (ulong[] Roles, ulong[]? Users) Base(int u)
    {
        if (_base.TryGetValue(u, out (ulong[], ulong[]?) known))
        {
            return known;
        }

        var roles = new ulong[graph.Words];
        ulong[]? users = null;
        foreach (int role in graph.Direct[u])
        {
            Bits.Or(roles, graph.Closure(role));
        }

        // Rule 5: what a manager unit the user belongs to manages.
        foreach (int role in graph.Direct[u])
        {
            if (graph.IsManager(role))
            {
                (ulong[] managedRoles, ulong[] managedUsers) = Managed(role);
                Bits.Or(roles, managedRoles);
                Bits.Or(users ??= new ulong[graph.UserWords], managedUsers);
            }
        }

        (ulong[], ulong[]?) result = (roles, WithoutSelf(users, u));
        _base.Add(u, result);
        return result;
    }

    private static ulong[]? WithoutSelf(ulong[]? users, int u)
    {
        if (users is null)
        {
            return null;
        }

        users[u >> 6] &= ~(1UL << u);
        return Bits.Any(users) ? users : null;
    }

    private bool BaseContains(int user, int unit)
    {
        UnitTable units = graph.Units;
        (ulong[] roles, ulong[]? users) = Base(user);
        if (units.IsRole(unit))
        {
            return Bits.Get(roles, unit);
        }

        int other = units.UserOfUnit(unit);
        return other == user || (users is not null && Bits.Get(users, other));
    }

    /// <summary>What a user obtains as an employee: rules 2–4 without manager units and roles not inherited by managers.</summary>
    private ulong[] EmployeeRoles(int v)
    {
        if (_employee.TryGetValue(v, out ulong[]? known))
        {
            return known;
        }

        var roles = new ulong[graph.Words];
        foreach (int role in graph.Direct[v])
        {
            if (!graph.IsManager(role) && !graph.NotInherited[role])
            {
                Bits.Or(roles, graph.Closure(role));
            }
        }

        _employee.Add(v, roles);
        return roles;
    }

    /// <summary>The roles and users a manager unit's members obtain: every unit below its organizational role and every
    /// member of one (co-managers excepted), with what those members obtain as employees.</summary>
    private (ulong[] Roles, ulong[] Users) Managed(int managerUnit)
    {
        if (_managed.TryGetValue(managerUnit, out (ulong[], ulong[]) known))
        {
            return known;
        }

        int organizational = graph.Units.Parent[managerUnit];
        var roles = new ulong[graph.Words];
        var users = new ulong[graph.UserWords];
        var coManagers = new HashSet<int>(graph.Members[managerUnit]);
        var stack = new Stack<int>();
        stack.Push(organizational);
        while (stack.Count > 0)
        {
            int unit = stack.Pop();
            if (unit != organizational)
            {
                Bits.Or(roles, graph.Closure(unit));
            }

            foreach (int v in graph.Members[unit])
            {
                if (!coManagers.Contains(v))
                {
                    Bits.Set(users, v);
                }
            }

            foreach (int child in graph.Children[unit])
            {
                stack.Push(child);
            }
        }

        for (int v = Bits.Next(users, 0); v >= 0; v = Bits.Next(users, v + 1))
        {
            Bits.Or(roles, EmployeeRoles(v));
        }

        (ulong[], ulong[]) result = (roles, users);
        _managed.Add(managerUnit, result);
        return result;
    }
}
