namespace Creatio.AccessControl.Tests.Reference;

/// <summary>
/// A deliberately naive computation of <c>E(u)</c>, written directly from DESIGN.md §2 over the raw rows of an
/// <see cref="AccessModel"/>: plain sets and recursive walks, nothing shared with the library's compiler.
/// </summary>
/// <remarks>Obviously correct rather than fast: every rule re-reads the row lists.</remarks>
internal static class ReferenceEffectiveRoles
{
    /// <summary>Computes <c>E(u)</c> at <paramref name="now"/>; empty for a user the model does not define.</summary>
    public static IReadOnlySet<AdminUnitId> Compute(AccessModel model, UserId user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (FindUser(model, user) is null)
        {
            return new HashSet<AdminUnitId>();
        }

        // Rules 1–5.
        HashSet<AdminUnitId> baseSet = RulesOneToFive(model, user);
        var result = new HashSet<AdminUnitId>(baseSet);

        // Rule 6: a delegation applies while now < EndsAt, when its recipient is in the rules 1–5 set of the user.
        // Only rules 1–5 sets are passed on, so delegation is not transitive.
        foreach (Delegation delegation in model.Delegations)
        {
            bool inForce = delegation.EndsAt is not { } end || now < end;
            if (!inForce || !baseSet.Contains(delegation.Recipient))
            {
                continue;
            }

            if (FindUser(model, new UserId(delegation.Grantor.Value)) is not null)
            {
                result.UnionWith(RulesOneToFive(model, new UserId(delegation.Grantor.Value)));
            }
            else
            {
                result.UnionWith(CloseUnderAncestorsAndLinks(model, [delegation.Grantor]));
            }
        }

        return result;
    }

    /// <summary>The set built by rules 1–5 for a user: own roles plus what the user obtains as a manager.</summary>
    public static HashSet<AdminUnitId> RulesOneToFive(AccessModel model, UserId user)
    {
        // Rules 1–4.
        HashSet<AdminUnitId> set = CloseUnderAncestorsAndLinks(model, DirectRoles(model, user));
        set.Add(user);

        // Rule 5: for every Manager unit the user is a direct member of.
        foreach (AdminUnitId role in DirectRoles(model, user))
        {
            RoleDefinition? definition = FindRole(model, role);
            if (definition is { Kind: AdminUnitKind.Manager, Parent: { } managed })
            {
                set.UnionWith(ObtainedAsManager(model, definition.Id, managed));
            }
        }

        return set;
    }

    /// <summary>The roles a user was added to (rule 2); employees are members of All employees without a row.</summary>
    public static List<AdminUnitId> DirectRoles(AccessModel model, UserId user)
    {
        var roles = new List<AdminUnitId>();
        UserDefinition? definition = FindUser(model, user);
        if (definition is { Kind: AdminUnitKind.User })
        {
            roles.Add(BuiltInRoles.AllEmployees);
        }

        foreach (RoleMembership membership in model.Memberships)
        {
            if (membership.User == user)
            {
                roles.Add(membership.Role);
            }
        }

        return roles;
    }

    /// <summary>Closes a set of roles under rule 3 (ancestors) and rule 4 (functional links), repeatedly, until nothing changes.</summary>
    public static HashSet<AdminUnitId> CloseUnderAncestorsAndLinks(AccessModel model, IEnumerable<AdminUnitId> seeds)
    {
        var set = new HashSet<AdminUnitId>();
        foreach (AdminUnitId seed in seeds)
        {
            AddWithAncestorsAndLinks(model, seed, set);
        }

        return set;
    }

    private static void AddWithAncestorsAndLinks(AccessModel model, AdminUnitId role, HashSet<AdminUnitId> set)
    {
        if (!set.Add(role))
        {
            return;
        }

        // Rule 3: the parent, and so every ancestor.
        if (FindRole(model, role) is { Parent: { } parent })
        {
            AddWithAncestorsAndLinks(model, parent, set);
        }

        // Rule 4: every functional role linked to this organizational role.
        foreach (FunctionalRoleLink link in model.FunctionalLinks)
        {
            if (link.OrganizationalRole == role)
            {
                AddWithAncestorsAndLinks(model, link.FunctionalRole, set);
            }
        }
    }

    /// <summary>Rule 5 for one Manager unit <paramref name="managerUnit"/> of the organizational role <paramref name="managed"/>.</summary>
    private static HashSet<AdminUnitId> ObtainedAsManager(AccessModel model, RoleId managerUnit, RoleId managed)
    {
        List<AdminUnitId> subtree = Descendants(model, managed);

        // Every unit below the managed role, at any depth, closed under rules 3 and 4 as always.
        HashSet<AdminUnitId> obtained = CloseUnderAncestorsAndLinks(model, subtree);

        // Every user who is a direct member of the managed role or of a unit below it, except the co-managers.
        var units = new HashSet<AdminUnitId>(subtree) { managed };
        var employeeRoles = new List<AdminUnitId>();
        foreach (UserDefinition v in model.Users)
        {
            List<AdminUnitId> direct = DirectRoles(model, v.Id);
            bool isCoManager = direct.Contains(managerUnit);
            if (isCoManager || !direct.Any(units.Contains))
            {
                continue;
            }

            obtained.Add(v.Id);

            // What v obtains as an employee: rules 2–4 from v's direct memberships, without Manager units and
            // without the roles not inherited by managers.
            foreach (AdminUnitId role in direct)
            {
                bool isManagerUnit = FindRole(model, role) is { Kind: AdminUnitKind.Manager };
                if (!isManagerUnit && !IsNotInherited(model, role))
                {
                    employeeRoles.Add(role);
                }
            }
        }

        // Closed again under rules 3 and 4; the decision of rule 5: what subordinates bring never holds a role not
        // inherited by managers, not even as the parent or the linked role of a role they hold.
        obtained.UnionWith(CloseUnderAncestorsAndLinks(model, employeeRoles).Where(role => !IsNotInherited(model, role)));
        return obtained;
    }

    private static bool IsNotInherited(AccessModel model, AdminUnitId role) =>
        model.RolesNotInheritedByManagers.Any(r => (AdminUnitId)r == role);

    /// <summary>Every role whose chain of parents passes through <paramref name="root"/>, <paramref name="root"/> excluded.</summary>
    private static List<AdminUnitId> Descendants(AccessModel model, AdminUnitId root)
    {
        var result = new List<AdminUnitId>();
        foreach (RoleDefinition child in model.Roles)
        {
            if (child.Parent is { } parent && (AdminUnitId)parent == root)
            {
                result.Add(child.Id);
                result.AddRange(Descendants(model, child.Id));
            }
        }

        return result;
    }

    private static UserDefinition? FindUser(AccessModel model, UserId user) =>
        model.Users.FirstOrDefault(u => u.Id == user);

    private static RoleDefinition? FindRole(AccessModel model, AdminUnitId role) =>
        model.Roles.FirstOrDefault(r => (AdminUnitId)r.Id == role);
}
