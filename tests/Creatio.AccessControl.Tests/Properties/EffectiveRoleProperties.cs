using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Reference;
using Creatio.AccessControl.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>Properties of the compiled effective role sets <c>E(u)</c> over random valid models (DESIGN.md §2, §11).</summary>
public sealed class EffectiveRoleProperties
{
    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 150)]
    public void EffectiveRoles_OfEveryUserAtEveryInstant_EqualTheReference(RandomModel random)
    {
        AccessModel model = random.Builder.Build();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);

        foreach (UserId user in random.Users)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                IReadOnlySet<AdminUnitId> expected = ReferenceEffectiveRoles.Compute(model, user, now);
                List<AdminUnitId> actual = Enumerate(snapshot.GetPrincipal(user, now).EffectiveRoles);

                Assert.True(
                    expected.SetEquals(actual) && expected.Count == actual.Count,
                    $"E({user}) at {now:O}: missing [{string.Join(", ", expected.Except(actual))}], extra [{string.Join(", ", actual.Except(expected))}]");
            }
        }
    }

    /// <summary>The provenance of <c>E(u)</c> (<see cref="AccessPrincipal.ExplainEffectiveRoles"/>) lists exactly the units of
    /// <c>E(u)</c>, each once, and every unit it names as the one a role came through is listed before that role (a
    /// delegating unit comes through itself).</summary>
    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 150)]
    public void ExplainEffectiveRoles_OfEveryUserAtEveryInstant_ListsExactlyTheEffectiveRoles(RandomModel random)
    {
        AccessModel model = random.Builder.Build();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);

        foreach (UserId user in random.Users)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                AccessPrincipal principal = snapshot.GetPrincipal(user, now);
                List<AdminUnitId> expected = Enumerate(principal.EffectiveRoles);
                IReadOnlyList<EffectiveRoleOrigin> origins = principal.ExplainEffectiveRoles().Roles;
                List<AdminUnitId> listed = [.. origins.Select(o => o.Unit)];

                Assert.True(
                    expected.ToHashSet().SetEquals(listed) && listed.Count == expected.Count,
                    $"E({user}) at {now:O}: missing [{string.Join(", ", expected.Except(listed))}], extra [{string.Join(", ", listed.Except(expected))}], listed {listed.Count} of {expected.Count}");
                var seen = new HashSet<AdminUnitId>();
                foreach (EffectiveRoleOrigin origin in origins)
                {
                    Assert.True(
                        origin.Via is not { } via || seen.Contains(via) || (origin.Rule == EffectiveRoleRule.Delegation && via == origin.Unit),
                        $"E({user}) at {now:O}: {origin.Unit} came through {origin.Via} ({origin.Rule}), which is not listed before it");
                    Assert.Equal(origin.Rule is EffectiveRoleRule.Self or EffectiveRoleRule.DirectMembership or EffectiveRoleRule.BuiltInMembership, origin.Via is null);
                    seen.Add(origin.Unit);
                }
            }
        }
    }

    /// <summary>§2 rule 5, the decision on the roles not inherited by managers: without delegations, such a role is in
    /// <c>E(u)</c> only through the user's own memberships (rules 1–4) or as the closure of a unit of a subtree the user
    /// manages; never through what a subordinate holds.</summary>
    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 150)]
    public void EffectiveRoles_RoleNotInheritedByManagers_ComesOnlyFromOwnRolesOrAManagedSubtree(RandomModel random)
    {
        AccessModelBuilder builder = random.Builder;
        builder.Delegations.Clear();
        AccessModel model = builder.Build();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);

        foreach (UserId user in random.Users)
        {
            List<AdminUnitId> direct = ReferenceEffectiveRoles.DirectRoles(model, user);
            var allowed = ReferenceEffectiveRoles.CloseUnderAncestorsAndLinks(model, direct);
            foreach (RoleDefinition manager in model.Roles.Where(r => r.Kind == AdminUnitKind.Manager && direct.Contains(r.Id) && r.Parent is not null))
            {
                allowed.UnionWith(ReferenceEffectiveRoles.CloseUnderAncestorsAndLinks(model, Descendants(model, manager.Parent!.Value)));
            }

            AccessPrincipal principal = snapshot.GetPrincipal(user, random.Now);
            foreach (RoleId role in model.RolesNotInheritedByManagers)
            {
                Assert.True(
                    !principal.HasEffectiveRole(role) || allowed.Contains(role),
                    $"{user} holds {role}, not inherited by managers, neither through its own roles nor a managed subtree");
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 100)]
    public void EffectiveRoles_AfterShufflingEveryRowList_AreUnchanged(RandomModel random, int seed)
    {
        AccessModel model = random.Builder.Build();
        AccessModel shuffled = Shuffle(model, new Random(seed)).Build();
        AccessSnapshot first = AccessSnapshot.Compile(model);
        AccessSnapshot again = AccessSnapshot.Compile(model);
        AccessSnapshot fromShuffled = AccessSnapshot.Compile(shuffled);

        foreach (UserId user in random.Users)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                AccessPrincipal principal = first.GetPrincipal(user, now);
                List<AdminUnitId> expected = Enumerate(principal.EffectiveRoles);
                Assert.Equal(expected, Enumerate(again.GetPrincipal(user, now).EffectiveRoles));
                Assert.Equal(expected, Enumerate(fromShuffled.GetPrincipal(user, now).EffectiveRoles));
                Assert.Equal(principal.EffectiveRolesValidUntil, fromShuffled.GetPrincipal(user, now).EffectiveRolesValidUntil);
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 150)]
    public void Build_ModelWithAddedParentCycle_FailsWithCycleError(RandomModel random, NonNegativeInt pickRole, NonNegativeInt pickParent)
    {
        AccessModelBuilder builder = random.Builder;
        RoleId role = random.Roles[pickRole.Get % random.Roles.Count];
        RoleDefinition definition = builder.Roles.FirstOrDefault(r => r.Id == role)
            ?? new RoleDefinition(role, "Redefined built-in role", AdminUnitKind.Organization);
        List<RoleId> below = [role, .. Descendants(builder, role)];
        RoleId newParent = below[pickParent.Get % below.Count];
        builder.Roles.Remove(definition);
        builder.Add(definition with { Parent = newParent });

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);

        AccessModelError cycle = Assert.Single(exception.Errors, e => e.Code == AccessModelErrorCode.Cycle);
        Assert.Contains(role.ToString(), cycle.Ids);
        Assert.Contains(newParent.ToString(), cycle.Ids);
    }

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 100)]
    public void Contains_ForEveryUnit_AgreesWithEnumeration(RandomModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Builder.Build());
        List<AdminUnitId> units =
        [
            .. snapshot.Model.Roles.Select(r => (AdminUnitId)r.Id),
            .. snapshot.Model.Users.Select(u => (AdminUnitId)u.Id),
            new AdminUnitId(Ids.Guid("not a unit")),
        ];

        foreach (UserId user in random.Users)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                AccessPrincipal principal = snapshot.GetPrincipal(user, now);
                var enumerated = new HashSet<AdminUnitId>(Enumerate(principal.EffectiveRoles));
                Assert.Equal(enumerated.Count, principal.EffectiveRoles.Count);
                foreach (AdminUnitId unit in units)
                {
                    Assert.Equal(enumerated.Contains(unit), principal.EffectiveRoles.Contains(unit));
                    Assert.Equal(enumerated.Contains(unit), principal.HasEffectiveRole(unit));
                }
            }
        }
    }

    private static List<AdminUnitId> Enumerate(EffectiveRoleSet set)
    {
        var units = new List<AdminUnitId>();
        foreach (AdminUnitId unit in set)
        {
            units.Add(unit);
        }

        return units;
    }

    private static AccessModelBuilder Shuffle(AccessModel model, Random random)
    {
        var builder = new AccessModelBuilder();
        AddShuffled(builder.Users, model.Users, random);
        AddShuffled(builder.Roles, model.Roles, random);
        AddShuffled(builder.Memberships, model.Memberships, random);
        AddShuffled(builder.FunctionalLinks, model.FunctionalLinks, random);
        AddShuffled(builder.Delegations, model.Delegations, random);
        builder.RolesNotInheritedByManagers.Clear();
        AddShuffled(builder.RolesNotInheritedByManagers, model.RolesNotInheritedByManagers, random);
        AddShuffled(builder.Objects, model.Objects, random);
        AddShuffled(builder.ObjectOperationRows, model.ObjectOperationRows, random);
        AddShuffled(builder.ColumnRightRows, model.ColumnRightRows, random);
        AddShuffled(builder.Records, model.Records, random);
        AddShuffled(builder.RecordRightRows, model.RecordRightRows, random);
        AddShuffled(builder.DefaultRecordRightRules, model.DefaultRecordRightRules, random);
        AddShuffled(builder.SystemOperations, model.SystemOperations, random);
        AddShuffled(builder.SystemOperationRows, model.SystemOperationRows, random);
        builder.Settings = model.Settings;
        return builder;
    }

    private static void AddShuffled<T>(IList<T> to, IEnumerable<T> from, Random random)
    {
        T[] items = [.. from];
        random.Shuffle(items);
        foreach (T item in items)
        {
            to.Add(item);
        }
    }

    private static List<AdminUnitId> Descendants(AccessModel model, RoleId root) =>
        [.. model.Roles.Where(r => r.Parent == root).SelectMany(r => Descendants(model, r.Id).Prepend(r.Id))];

    private static List<RoleId> Descendants(AccessModelBuilder builder, RoleId root)
    {
        var result = new List<RoleId>();
        foreach (RoleDefinition child in builder.Roles)
        {
            if (child.Parent == root)
            {
                result.Add(child.Id);
                result.AddRange(Descendants(builder, child.Id));
            }
        }

        return result;
    }
}
