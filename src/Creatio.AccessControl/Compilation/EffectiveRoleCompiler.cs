namespace Creatio.AccessControl.Compilation;

/// <summary>Computes <c>E(u)</c> for every user by the rules of DESIGN.md §2.</summary>
internal sealed class EffectiveRoleCompiler
{
    private readonly AccessModel _model;
    private readonly UnitTable _units;
    private readonly int _words;
    private readonly int _userWords;

    // closure[r]: r, its ancestors, the functional roles linked to any of them and their ancestors (rules 3 and 4).
    private readonly ulong[] _closure;

    // Direct memberships per user ordinal (rule 2), All employees included for employees.
    private readonly List<int>[] _direct;

    // Direct members (user ordinals) per role.
    private readonly List<int>[] _members;

    private EffectiveRoleCompiler(AccessModel model, UnitTable units)
    {
        _model = model;
        _units = units;
        _words = Bits.WordsFor(units.RoleCount);
        _userWords = Bits.WordsFor(units.UserCount);
        _closure = new ulong[units.RoleCount * _words];
        _direct = new List<int>[units.UserCount];
        _members = new List<int>[units.RoleCount];
    }

    public static EffectiveRoleTable Compile(AccessModel model, UnitTable units)
    {
        var compiler = new EffectiveRoleCompiler(model, units);
        return compiler.Run();
    }

    private Span<ulong> Closure(int role) => _closure.AsSpan(role * _words, _words);

    private EffectiveRoleTable Run()
    {
        ComputeClosures();
        CollectMemberships();

        int userCount = _units.UserCount;
        var baseRoles = new ulong[userCount * _words];
        var baseUsers = new ulong[]?[userCount];
        ComputeOwnAndManaged(baseRoles, baseUsers);
        return ApplyDelegations(baseRoles, baseUsers);
    }

    private void ComputeClosures()
    {
        int roleCount = _units.RoleCount;
        int[] parent = _units.Parent;

        // Depth of each role, to visit parents before children.
        var depth = new int[roleCount];
        Array.Fill(depth, -1);
        var chain = new List<int>();
        for (int r = 0; r < roleCount; r++)
        {
            chain.Clear();
            int current = r;
            while (current >= 0 && depth[current] < 0)
            {
                chain.Add(current);
                current = parent[current];
            }

            int d = current >= 0 ? depth[current] : -1;
            for (int i = chain.Count - 1; i >= 0; i--)
            {
                depth[chain[i]] = ++d;
            }
        }

        var linked = new List<int>?[roleCount];
        foreach (FunctionalRoleLink link in _model.FunctionalLinks)
        {
            int organizational = _units.IndexOf[link.OrganizationalRole];
            (linked[organizational] ??= []).Add(_units.IndexOf[link.FunctionalRole]);
        }

        // Functional roles first (their closure is their ancestors only), then the rest, each by depth.
        int[] order = [.. Enumerable.Range(0, roleCount)
            .OrderBy(r => _units.Roles[r].Kind == AdminUnitKind.FunctionalRole ? 0 : 1)
            .ThenBy(r => depth[r])];
        foreach (int r in order)
        {
            Span<ulong> closure = Closure(r);
            Bits.Set(closure, r);
            if (parent[r] >= 0)
            {
                Bits.Or(closure, Closure(parent[r]));
            }

            if (linked[r] is { } functionalRoles)
            {
                foreach (int f in functionalRoles)
                {
                    Bits.Or(closure, Closure(f));
                }
            }
        }
    }

    private void CollectMemberships()
    {
        for (int r = 0; r < _members.Length; r++)
        {
            _members[r] = [];
        }

        int allEmployees = _units.IndexOf[BuiltInRoles.AllEmployees];
        for (int u = 0; u < _direct.Length; u++)
        {
            _direct[u] = _units.Users[u].IsExternal ? [] : [allEmployees];
        }

        foreach (RoleMembership membership in _model.Memberships)
        {
            int user = _units.UserOfUnit(_units.IndexOf[membership.User]);
            int role = _units.IndexOf[membership.Role];
            if (!_direct[user].Contains(role))
            {
                _direct[user].Add(role);
            }
        }

        for (int u = 0; u < _direct.Length; u++)
        {
            foreach (int role in _direct[u])
            {
                _members[role].Add(u);
            }
        }
    }

    private bool IsManager(int role) => _units.Roles[role].Kind == AdminUnitKind.Manager;

    private void ComputeOwnAndManaged(ulong[] baseRoles, ulong[]?[] baseUsers)
    {
        int userCount = _units.UserCount;
        var notInherited = new HashSet<int>();
        foreach (RoleId role in _model.RolesNotInheritedByManagers)
        {
            notInherited.Add(_units.IndexOf[role]);
        }

        // What each user obtains as an employee (rules 2–4 without manager units and roles not inherited by managers).
        var employeeRoles = new ulong[userCount * _words];
        for (int u = 0; u < userCount; u++)
        {
            Span<ulong> own = baseRoles.AsSpan(u * _words, _words);
            Span<ulong> employee = employeeRoles.AsSpan(u * _words, _words);
            foreach (int role in _direct[u])
            {
                Bits.Or(own, Closure(role));
                if (!IsManager(role) && !notInherited.Contains(role))
                {
                    Bits.Or(employee, Closure(role));
                }
            }
        }

        var children = new List<int>[_units.RoleCount];
        for (int r = 0; r < children.Length; r++)
        {
            children[r] = [];
        }

        for (int r = 0; r < children.Length; r++)
        {
            if (_units.Parent[r] >= 0)
            {
                children[_units.Parent[r]].Add(r);
            }
        }

        // Rule 5, once per manager unit that has members.
        for (int m = 0; m < _units.RoleCount; m++)
        {
            if (!IsManager(m) || _members[m].Count == 0)
            {
                continue;
            }

            (ulong[] roles, ulong[] users) = Managed(m, children, employeeRoles);
            foreach (int manager in _members[m])
            {
                Bits.Or(baseRoles.AsSpan(manager * _words, _words), roles);
                Bits.Or(baseUsers[manager] ??= new ulong[_userWords], users);
            }
        }

        for (int u = 0; u < userCount; u++)
        {
            if (baseUsers[u] is { } users)
            {
                users[u >> 6] &= ~(1UL << u);
                if (!Bits.Any(users))
                {
                    baseUsers[u] = null;
                }
            }
        }
    }

    private (ulong[] Roles, ulong[] Users) Managed(int managerUnit, List<int>[] children, ulong[] employeeRoles)
    {
        int organizational = _units.Parent[managerUnit];
        var roles = new ulong[_words];
        var users = new ulong[_userWords];
        var coManagers = new HashSet<int>(_members[managerUnit]);

        var stack = new Stack<int>();
        stack.Push(organizational);
        while (stack.Count > 0)
        {
            int unit = stack.Pop();
            if (unit != organizational)
            {
                Bits.Or(roles, Closure(unit));
            }

            foreach (int v in _members[unit])
            {
                if (!coManagers.Contains(v))
                {
                    Bits.Set(users, v);
                }
            }

            foreach (int child in children[unit])
            {
                stack.Push(child);
            }
        }

        for (int v = Bits.Next(users, 0); v >= 0; v = Bits.Next(users, v + 1))
        {
            Bits.Or(roles, employeeRoles.AsSpan(v * _words, _words));
        }

        return (roles, users);
    }

    private bool BaseContains(ulong[] baseRoles, ulong[]?[] baseUsers, int user, int unit)
    {
        if (_units.IsRole(unit))
        {
            return Bits.Get(baseRoles.AsSpan(user * _words, _words), unit);
        }

        int other = _units.UserOfUnit(unit);
        return other == user || (baseUsers[user] is { } users && Bits.Get(users, other));
    }

    private EffectiveRoleTable ApplyDelegations(ulong[] baseRoles, ulong[]?[] baseUsers)
    {
        int userCount = _units.UserCount;
        var delegations = _model.Delegations
            .Select(d => (Grantor: _units.IndexOf[d.Grantor], Recipient: _units.IndexOf[d.Recipient], EndsAt: d.EndsAt?.UtcTicks ?? long.MaxValue))
            .ToArray();

        var roleBits = new List<ulong>(userCount * _words);
        var userBits = new List<ulong[]?>(userCount);
        var subjectUser = new List<int>(userCount);
        var subjectEndsAt = new List<long>(userCount);
        var firstSubject = new int[userCount + 1];
        var applying = new List<(int Grantor, long EndsAt)>();

        for (int u = 0; u < userCount; u++)
        {
            firstSubject[u] = subjectUser.Count;
            applying.Clear();
            foreach ((int grantor, int recipient, long endsAt) in delegations)
            {
                if (BaseContains(baseRoles, baseUsers, u, recipient))
                {
                    applying.Add((grantor, endsAt));
                }
            }

            // One subject per interval between the distinct end instants: [.., e1), [e1, e2), …, [ek, ∞).
            long[] ends = [.. applying.Where(a => a.EndsAt != long.MaxValue).Select(a => a.EndsAt).Distinct().Order(), long.MaxValue];
            foreach (long intervalEnd in ends)
            {
                var roles = new ulong[_words];
                baseRoles.AsSpan(u * _words, _words).CopyTo(roles);
                ulong[]? users = baseUsers[u] is { } own ? (ulong[])own.Clone() : null;
                foreach ((int grantor, long endsAt) in applying)
                {
                    if (endsAt < intervalEnd)
                    {
                        continue;
                    }

                    if (_units.IsRole(grantor))
                    {
                        Bits.Or(roles, Closure(grantor));
                        continue;
                    }

                    int g = _units.UserOfUnit(grantor);
                    Bits.Or(roles, baseRoles.AsSpan(g * _words, _words));
                    if (g != u)
                    {
                        Bits.Set(users ??= new ulong[_userWords], g);
                    }

                    if (baseUsers[g] is { } grantorUsers)
                    {
                        Bits.Or(users ??= new ulong[_userWords], grantorUsers);
                    }
                }

                if (users is not null)
                {
                    users[u >> 6] &= ~(1UL << u);
                    if (!Bits.Any(users))
                    {
                        users = null;
                    }
                }

                roleBits.AddRange(roles);
                userBits.Add(users);
                subjectUser.Add(u);
                subjectEndsAt.Add(intervalEnd);
            }
        }

        firstSubject[userCount] = subjectUser.Count;
        return new EffectiveRoleTable(
            _units,
            _words,
            [.. roleBits],
            [.. userBits],
            [.. subjectUser],
            [.. subjectEndsAt],
            firstSubject);
    }
}
