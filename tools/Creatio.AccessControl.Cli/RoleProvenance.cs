namespace Creatio.AccessControl.Cli;

/// <summary>How a unit came into a user's effective roles (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>).</summary>
internal enum ProvenanceKind
{
    /// <summary>Rule 1: the user.</summary>
    Self,

    /// <summary>Rule 2: the user was added to the role (employees are members of All employees without a row).</summary>
    DirectMembership,

    /// <summary>Rule 3: an ancestor of <see cref="RoleOrigin.From"/>.</summary>
    Ancestor,

    /// <summary>Rule 4: a functional role linked to the organizational role <see cref="RoleOrigin.From"/>.</summary>
    FunctionalLink,

    /// <summary>Rule 5: a unit of the subtree managed by the manager unit <see cref="RoleOrigin.Manager"/>.</summary>
    ManagedSubtree,

    /// <summary>Rule 5: an employee of the subtree managed by the manager unit <see cref="RoleOrigin.Manager"/>.</summary>
    ManagedEmployee,

    /// <summary>Rule 5: what the employee <see cref="RoleOrigin.From"/> obtains as an employee, via the manager unit <see cref="RoleOrigin.Manager"/>.</summary>
    EmployeeRole,

    /// <summary>Rule 6: delegated by <see cref="RoleOrigin.From"/>.</summary>
    Delegation,
}

/// <summary>How one unit of <c>E(u)</c> was obtained: the first way found, in the order of the rules of <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>.</summary>
internal sealed record RoleOrigin(Guid Unit, ProvenanceKind Kind, Guid? From, Guid? Manager);

/// <summary>Computes <c>E(u)</c> with provenance by a plain, readable walk over the model's rows, following the rules of <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>
/// rule by rule. It is deliberately independent of the engine's compiled tables (and slow): the tests compare the two.</summary>
internal sealed class RoleProvenance
{
    private readonly AccessModel _model;
    private readonly Dictionary<Guid, RoleDefinition> _roles;
    private readonly Dictionary<Guid, UserDefinition> _users;
    private readonly ILookup<Guid, Guid> _linkedFunctionalRoles;
    private readonly ILookup<Guid, Guid> _children;
    private readonly HashSet<Guid> _notInherited;

    public RoleProvenance(AccessModel model)
    {
        _model = model;
        _roles = model.Roles.ToDictionary(r => r.Id.Value);
        _users = model.Users.ToDictionary(u => u.Id.Value);
        _linkedFunctionalRoles = model.FunctionalLinks.ToLookup(l => l.OrganizationalRole.Value, l => l.FunctionalRole.Value);
        _children = model.Roles.Where(r => r.Parent is not null).ToLookup(r => r.Parent!.Value.Value, r => r.Id.Value);
        _notInherited = [.. model.RolesNotInheritedByManagers.Select(r => r.Value)];
    }

    /// <summary>Returns <c>E(u)</c> at an instant, each unit with how it was obtained, in the order found.</summary>
    public IReadOnlyList<RoleOrigin> EffectiveRoles(UserId user, DateTimeOffset now)
    {
        if (!_users.ContainsKey(user.Value))
        {
            return [];
        }

        var result = BaseSet(user.Value);
        List<Guid> baseUnits = [.. result.Keys];
        var baseSet = new HashSet<Guid>(baseUnits);

        // Rule 6: delegations to any unit of the rules 1–5 set, while they last; only rules 1–5 sets are passed on.
        foreach (Delegation delegation in _model.Delegations)
        {
            if ((delegation.EndsAt is { } end && now >= end) || !baseSet.Contains(delegation.Recipient.Value))
            {
                continue;
            }

            Guid grantor = delegation.Grantor.Value;
            IEnumerable<Guid> delegated = _roles.ContainsKey(grantor) ? Closure([grantor]) : BaseSet(grantor).Keys;
            foreach (Guid unit in delegated)
            {
                result.TryAdd(unit, new RoleOrigin(unit, ProvenanceKind.Delegation, grantor, null));
            }
        }

        return [.. result.Values];
    }

    /// <summary>Rules 1–5 for one user, with provenance.</summary>
    private Dictionary<Guid, RoleOrigin> BaseSet(Guid user)
    {
        var result = new Dictionary<Guid, RoleOrigin>();
        result.Add(user, new RoleOrigin(user, ProvenanceKind.Self, null, null));

        // Rules 2–4.
        List<Guid> direct = DirectRoles(user);
        foreach (Guid role in direct)
        {
            AddClosed(result, role, new RoleOrigin(role, ProvenanceKind.DirectMembership, null, null));
        }

        // Rule 5, for each manager unit the user is a direct member of.
        foreach (Guid manager in direct.Where(r => _roles[r].Kind == AdminUnitKind.Manager))
        {
            if (_roles[manager].Parent is not { } managed)
            {
                continue;
            }

            List<Guid> subtree = Descendants(managed.Value);
            foreach (Guid unit in subtree)
            {
                AddClosed(result, unit, new RoleOrigin(unit, ProvenanceKind.ManagedSubtree, null, manager));
            }

            var coManagers = new HashSet<Guid>(MembersOf(manager));
            foreach (Guid employee in new[] { managed.Value }.Concat(subtree).SelectMany(MembersOf).Distinct().Where(v => !coManagers.Contains(v)))
            {
                result.TryAdd(employee, new RoleOrigin(employee, ProvenanceKind.ManagedEmployee, null, manager));
                IEnumerable<Guid> asEmployee = DirectRoles(employee)
                    .Where(r => _roles[r].Kind != AdminUnitKind.Manager && !_notInherited.Contains(r));
                foreach (Guid role in Closure(asEmployee))
                {
                    result.TryAdd(role, new RoleOrigin(role, ProvenanceKind.EmployeeRole, employee, manager));
                }
            }
        }

        return result;
    }

    /// <summary>Adds a role with its provenance, then, by rules 3 and 4, its ancestors and linked functional roles,
    /// each labelled with the role it came from.</summary>
    private void AddClosed(Dictionary<Guid, RoleOrigin> result, Guid role, RoleOrigin origin)
    {
        result.TryAdd(role, origin);
        var pending = new Stack<Guid>();
        pending.Push(role);
        var seen = new HashSet<Guid> { role };
        while (pending.Count > 0)
        {
            Guid current = pending.Pop();
            foreach ((Guid next, ProvenanceKind kind) in Steps(current))
            {
                result.TryAdd(next, new RoleOrigin(next, kind, current, null));
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }
    }

    /// <summary>Rules 3 and 4 as a plain set.</summary>
    private HashSet<Guid> Closure(IEnumerable<Guid> roles)
    {
        var set = new HashSet<Guid>();
        var pending = new Stack<Guid>();
        foreach (Guid role in roles)
        {
            if (set.Add(role))
            {
                pending.Push(role);
            }
        }

        while (pending.Count > 0)
        {
            foreach ((Guid next, _) in Steps(pending.Pop()))
            {
                if (set.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return set;
    }

    /// <summary>One step of rules 3 and 4 from a role: its parent, and the functional roles linked to it.</summary>
    private IEnumerable<(Guid Unit, ProvenanceKind Kind)> Steps(Guid role)
    {
        if (_roles[role].Parent is { } parent)
        {
            yield return (parent.Value, ProvenanceKind.Ancestor);
        }

        foreach (Guid functional in _linkedFunctionalRoles[role])
        {
            yield return (functional, ProvenanceKind.FunctionalLink);
        }
    }

    /// <summary>The roles a user was added to; an employee is a member of All employees without a row.</summary>
    private List<Guid> DirectRoles(Guid user)
    {
        var roles = new List<Guid>();
        if (!_users[user].IsExternal)
        {
            roles.Add(BuiltInRoles.AllEmployees.Value);
        }

        foreach (RoleMembership membership in _model.Memberships)
        {
            if (membership.User.Value == user && !roles.Contains(membership.Role.Value))
            {
                roles.Add(membership.Role.Value);
            }
        }

        return roles;
    }

    /// <summary>The users a role has as direct members.</summary>
    private IEnumerable<Guid> MembersOf(Guid role) =>
        _model.Users.Select(u => u.Id.Value).Where(u => DirectRoles(u).Contains(role));

    /// <summary>Every unit below a role, at any depth.</summary>
    private List<Guid> Descendants(Guid role)
    {
        var result = new List<Guid>();
        var pending = new Stack<Guid>(_children[role]);
        while (pending.Count > 0)
        {
            Guid current = pending.Pop();
            result.Add(current);
            foreach (Guid child in _children[current])
            {
                pending.Push(child);
            }
        }

        return result;
    }
}
