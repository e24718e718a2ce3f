using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Computes <c>E(u)</c> by the rules of <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>, for every user of a graph or for some of them, remembering
/// what it has computed (each manager unit's managed roles and users, each user's rules 1–5 set) for the rest of the run.</summary>
/// <remarks>
/// <para>What a manager unit manages is computed once per unit, from the bottom up: a manager unit whose subtree holds
/// another managed role takes that role's result whole instead of walking its subtree again, so that nested managers cost
/// the size of the tree, not its depth times its size. The results are kept with the compiled table, so that a membership
/// change recomputes only those of the manager units above the roles it touches.</para>
/// <para>Sets built under rules 3 and 4 are built closed (<see cref="RoleGraph.AddClosure"/>), so a role already present
/// stops the walk up its ancestors: a user at depth <c>d</c> costs <c>d</c>, and a chain of roles costs its length.</para>
/// </remarks>
internal sealed class EffectiveRoleCompiler
{
    private readonly RoleGraph _graph;
    private readonly Dictionary<int, (ulong[] Roles, ulong[] Users)> _managed;
    private readonly Dictionary<int, ulong[]> _own;
    private readonly Dictionary<int, (ulong[] Roles, ulong[]? Users)> _base = [];

    // Scratch sets of ComputeManaged, cleared before each use.
    private readonly ulong[] _employee;
    private readonly ulong[] _taken;

    /// <summary>Creates a compiler over a graph.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="memo">What a compile over an earlier graph remembered, or <see langword="null"/>.</param>
    /// <param name="staleManagers">The manager units whose entry in <paramref name="memo"/> the new graph may change.</param>
    /// <param name="staleUser">The user whose direct memberships the new graph changed, or -1.</param>
    public EffectiveRoleCompiler(RoleGraph graph, EffectiveRoleMemo? memo = null, IReadOnlySet<int>? staleManagers = null, int staleUser = -1)
    {
        _graph = graph;
        memo ??= EffectiveRoleMemo.Empty;
        _managed = new Dictionary<int, (ulong[], ulong[])>(memo.Managed.Count);
        foreach ((int unit, (ulong[], ulong[]) result) in memo.Managed)
        {
            if (staleManagers is null || !staleManagers.Contains(unit))
            {
                _managed.Add(unit, result);
            }
        }

        _own = new Dictionary<int, ulong[]>(memo.OwnRoles.Count);
        foreach ((int user, ulong[] roles) in memo.OwnRoles)
        {
            if (user != staleUser)
            {
                _own.Add(user, roles);
            }
        }

        _employee = new ulong[graph.Words];
        _taken = new ulong[graph.Words];
    }

    public RoleGraph Graph => _graph;

    /// <summary>Gets what this compiler remembers: every manager unit's and manager's result computed so far.</summary>
    public EffectiveRoleMemo Memo => new(_managed, _own);

    /// <summary>Compiles the effective role sets of every user.</summary>
    public static EffectiveRoleTable Compile(AccessModel model, UnitTable units) => Compile(units, RoleGraph.Create(model, units));

    /// <summary>Compiles the effective role sets of every user of a graph.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EffectiveRoleTable Compile(UnitTable units, RoleGraph graph)
    {
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
        return new EffectiveRoleTable(graph, [.. roleBits], [.. userBits], [.. subjectUser], [.. subjectEndsAt], firstSubject, compiler.Memo);
    }

    /// <summary>Computes a user's subjects: one per interval between the distinct ends of the delegations that reach the
    /// user, <c>[.., e1), [e1, e2), …, [ek, ∞)</c>, each with its role bits and other users (rule 6 on top of rules 1–5).</summary>
    public List<(long EndsAt, ulong[] Roles, ulong[]? Users)> Subjects(int u) => Subjects(u, default(NoProvenance));

    /// <summary>Computes a user's subjects as <see cref="Subjects(int)"/>, reporting to <paramref name="sink"/> each unit
    /// of the user's rules 1–5 set and of the delegations of the interval it records, with the rule that brought it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(long EndsAt, ulong[] Roles, ulong[]? Users)> Subjects<TSink>(int u, TSink sink)
        where TSink : IEffectiveRoleSink
    {
        (ulong[] baseRoles, ulong[]? baseUsers) = Base(u, sink);
        var applying = new List<(int Grantor, long EndsAt)>();
        foreach ((int grantor, int recipient, long endsAt) in _graph.Delegations)
        {
            if (BaseContains(u, recipient))
            {
                applying.Add((grantor, endsAt));
            }
        }

        if (applying.Count == 0)
        {
            // The sets are never changed once computed, so the subject may share them.
            return [(long.MaxValue, baseRoles, baseUsers)];
        }

        UnitTable units = _graph.Units;
        int roleCount = units.RoleCount;
        long[] ends = [.. applying.Where(a => a.EndsAt != long.MaxValue).Select(a => a.EndsAt).Distinct().Order(), long.MaxValue];
        var subjects = new List<(long, ulong[], ulong[]?)>(ends.Length);
        foreach (long intervalEnd in ends)
        {
            bool record = sink.RecordsInterval(intervalEnd);
            var roles = (ulong[])baseRoles.Clone();
            ulong[]? users = baseUsers is null ? null : (ulong[])baseUsers.Clone();
            foreach ((int grantor, long endsAt) in applying)
            {
                if (endsAt < intervalEnd)
                {
                    continue;
                }

                // The grantor first, so that what it passes on is listed after it (a unit already present stays as it was).
                if (record && (units.IsRole(grantor) ? !Bits.Get(roles, grantor) : units.UserOfUnit(grantor) != u && (users is null || !Bits.Get(users, units.UserOfUnit(grantor)))))
                {
                    sink.Added(grantor, EffectiveRoleRule.Delegation, grantor);
                }

                if (units.IsRole(grantor))
                {
                    // A rules 1–5 set is not closed (rule 5 leaves the roles not inherited by managers out), so the
                    // grantor's closure is built apart.
                    Or(roles, _graph.ClosureOf(grantor), 0, EffectiveRoleRule.Delegation, grantor, record, sink);
                    continue;
                }

                int g = units.UserOfUnit(grantor);
                (ulong[] grantorRoles, ulong[]? grantorUsers) = Base(g);
                Or(roles, grantorRoles, 0, EffectiveRoleRule.Delegation, grantor, record, sink);
                if (g != u)
                {
                    Bits.Set(users ??= new ulong[_graph.UserWords], g);
                }

                if (grantorUsers is not null)
                {
                    Or(users ??= new ulong[_graph.UserWords], grantorUsers, roleCount, EffectiveRoleRule.Delegation, grantor, record, sink);
                }
            }

            subjects.Add((intervalEnd, roles, WithoutSelf(users, u)));
        }

        return subjects;
    }

    /// <summary>A user's roles and other users before delegations (rules 1–5).</summary>
    public (ulong[] Roles, ulong[]? Users) Base(int u) => Base(u, default(NoProvenance));

    /// <summary>A user's rules 1–5 set, each unit reported to <paramref name="sink"/>; a recording sink computes it afresh.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ulong[] Roles, ulong[]? Users) Base<TSink>(int u, TSink sink)
        where TSink : IEffectiveRoleSink
    {
        if (!sink.IsRecording && _base.TryGetValue(u, out (ulong[], ulong[]?) known))
        {
            return known;
        }

        int roleCount = _graph.Units.RoleCount;
        sink.Added(roleCount + u, EffectiveRoleRule.Self, -1);
        ulong[] roles = OwnRoles(u, sink);
        ulong[]? users = null;

        // Rule 5: what a manager unit the user belongs to manages.
        foreach (int role in _graph.Direct[u])
        {
            if (_graph.IsManager(role))
            {
                (ulong[] managedRoles, ulong[] managedUsers) = Managed(role);
                Or(roles, managedRoles, 0, EffectiveRoleRule.Manager, role, sink.IsRecording, sink);
                Or(users ??= new ulong[_graph.UserWords], managedUsers, roleCount, EffectiveRoleRule.Manager, role, sink.IsRecording, sink);
            }
        }

        (ulong[], ulong[]?) result = (roles, WithoutSelf(users, u));
        _base.TryAdd(u, result);
        return result;
    }

    /// <summary>A new set of a user's own roles: the closure of the user's direct roles (rules 1–4), remembered for the
    /// members of manager units; a recording sink computes it afresh.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ulong[] OwnRoles<TSink>(int u, TSink sink)
        where TSink : IEffectiveRoleSink
    {
        if (!sink.IsRecording && _own.TryGetValue(u, out ulong[]? known))
        {
            return (ulong[])known.Clone();
        }

        var roles = new ulong[_graph.Words];
        bool manager = false;
        bool employee = !_graph.Units.Users[u].IsExternal;
        foreach (int role in _graph.Direct[u])
        {
            // An employee's All employees is the one direct role without a membership row.
            EffectiveRoleRule rule = employee && role == _graph.AllEmployees ? EffectiveRoleRule.BuiltInMembership : EffectiveRoleRule.DirectMembership;
            _graph.AddClosure(roles, role, rule, -1, sink);
            manager |= _graph.IsManager(role);
        }

        if (manager)
        {
            _own.TryAdd(u, (ulong[])roles.Clone());
        }

        return roles;
    }

    /// <summary>Adds <paramref name="source"/> to <paramref name="target"/>; when <paramref name="record"/>, reports each unit
    /// added (bit + <paramref name="unitOffset"/>) to the sink first.</summary>
    private static void Or<TSink>(ulong[] target, ulong[] source, int unitOffset, EffectiveRoleRule rule, int via, bool record, TSink sink)
        where TSink : IEffectiveRoleSink
    {
        if (sink.IsRecording && record)
        {
            for (int w = 0; w < source.Length; w++)
            {
                for (ulong added = source[w] & ~target[w]; added != 0; added &= added - 1)
                {
                    sink.Added(unitOffset + (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(added), rule, via);
                }
            }
        }

        Bits.Or(target, source);
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
        UnitTable units = _graph.Units;
        (ulong[] roles, ulong[]? users) = Base(user);
        if (units.IsRole(unit))
        {
            return Bits.Get(roles, unit);
        }

        int other = units.UserOfUnit(unit);
        return other == user || (users is not null && Bits.Get(users, other));
    }

    /// <summary>The roles and users a manager unit's members obtain (rule 5): every unit below its organizational role,
    /// every member of one (co-managers excepted), and what those members obtain as employees, without the roles not
    /// inherited by managers; what the members obtain anyway by rule 3 (the closure of the organizational role) may be
    /// left out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ulong[] Roles, ulong[] Users) Managed(int managerUnit)
    {
        if (_managed.TryGetValue(managerUnit, out (ulong[], ulong[]) known))
        {
            return known;
        }

        // The manager units below not computed yet, in preorder; computed in reverse, each finds those below it done.
        var pending = new List<int> { managerUnit };
        var stack = new Stack<int>();
        stack.Push(_graph.Units.Parent[managerUnit]);
        while (stack.Count > 0)
        {
            foreach (int child in _graph.Children[stack.Pop()])
            {
                int below = _graph.ManagerOf[child];
                if (below >= 0 && _managed.ContainsKey(below))
                {
                    continue;
                }

                if (below >= 0)
                {
                    pending.Add(below);
                }

                stack.Push(child);
            }
        }

        for (int i = pending.Count - 1; i >= 0; i--)
        {
            _managed.Add(pending[i], ComputeManaged(pending[i], reuse: true) ?? ComputeManaged(pending[i], reuse: false)!.Value);
        }

        return _managed[managerUnit];
    }

    /// <summary>Walks the subtree of a manager unit's organizational role. With <paramref name="reuse"/>, a role below that
    /// has a manager unit of its own is not walked: that unit's result (its subtree, its subordinates) and its members are
    /// taken instead. Returns <see langword="null"/> when that would take in one of this unit's own members (a co-manager
    /// who is also a subordinate further down, whose employee roles cannot be taken out again): walk without reuse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ulong[] Roles, ulong[] Users)? ComputeManaged(int managerUnit, bool reuse)
    {
        // The managed role is marked in both sets before anything is added, so that the walks up from below stop there:
        // its closure (its ancestors and their links) is the manager unit's own by rule 3, and a manager unit above takes
        // it when it walks this role. Otherwise every manager unit of a deep tree would walk up to the root.
        int organizational = _graph.Units.Parent[managerUnit];
        var subtree = new ulong[_graph.Words];
        ulong[] employee = _employee;
        ulong[] taken = _taken;
        Array.Clear(employee);
        Array.Clear(taken);
        var users = new ulong[_graph.UserWords];
        Bits.Set(subtree, organizational);
        Bits.Set(employee, organizational);
        AddSubordinates(managerUnit, organizational, users, employee);
        var stack = new Stack<int>();
        foreach (int child in _graph.Children[organizational])
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            int unit = stack.Pop();
            _graph.AddClosure(subtree, unit);
            int below = _graph.ManagerOf[unit];
            if (reuse && below >= 0)
            {
                (ulong[] belowRoles, ulong[] belowUsers) = _managed[below];
                foreach (int coManager in _graph.Members[managerUnit])
                {
                    if (Bits.Get(belowUsers, coManager))
                    {
                        return null;
                    }
                }

                Bits.Or(taken, belowRoles);
                Bits.Or(users, belowUsers);
                AddSubordinates(managerUnit, below, users, employee);
                continue;
            }

            AddSubordinates(managerUnit, unit, users, employee);
            foreach (int child in _graph.Children[unit])
            {
                stack.Push(child);
            }
        }

        // Decision (rule 5): what subordinates bring never holds a role not inherited by managers, not even
        // as the parent or linked role of a role they hold; the subtree's own units are obtained as always.
        foreach (int role in _graph.NotInheritedRoles)
        {
            employee[role >> 6] &= ~(1UL << role);
        }

        Bits.Or(subtree, taken);
        Bits.Or(subtree, employee);
        return (subtree, users);
    }

    /// <summary>Adds the direct members of a unit other than the manager unit's own members, with what each obtains as an
    /// employee: rules 2–4 from their direct memberships, leaving out manager units and the roles not inherited by
    /// managers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSubordinates(int managerUnit, int unit, ulong[] users, ulong[] employee)
    {
        foreach (int v in _graph.Members[unit])
        {
            if (Bits.Get(users, v) || unit == managerUnit || Array.IndexOf(_graph.Direct[v], managerUnit) >= 0)
            {
                continue;
            }

            Bits.Set(users, v);
            foreach (int role in _graph.Direct[v])
            {
                if (!_graph.IsManager(role) && !_graph.NotInherited[role])
                {
                    _graph.AddClosure(employee, role);
                }
            }
        }
    }
}
