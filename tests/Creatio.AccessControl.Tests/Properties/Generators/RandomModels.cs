using System.Globalization;
using System.Text;
using Creatio.AccessControl.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Creatio.AccessControl.Tests.Properties.Generators;

/// <summary>A random valid model: the builder holding its rows, and the ids of what it defines, to pick from when extending it.</summary>
/// <param name="Builder">The builder; <see cref="AccessModelBuilder.Build"/> succeeds on it.</param>
/// <param name="Roles">Every role, built-in roles included.</param>
/// <param name="OrganizationalRoles">The organizational roles, built-in roles included.</param>
/// <param name="ManagerUnits">The Manager units.</param>
/// <param name="FunctionalRoles">The functional roles.</param>
/// <param name="PortalRoles">All portal users and every role below it.</param>
/// <param name="Users">Every user.</param>
/// <param name="Now">The instant the model is looked at; every delegation end lies after it.</param>
/// <param name="DelegationEnds">The distinct end instants of the model's time-limited delegations.</param>
public sealed record RandomModel(
    AccessModelBuilder Builder,
    IReadOnlyList<RoleId> Roles,
    IReadOnlyList<RoleId> OrganizationalRoles,
    IReadOnlyList<RoleId> ManagerUnits,
    IReadOnlyList<RoleId> FunctionalRoles,
    IReadOnlyList<RoleId> PortalRoles,
    IReadOnlyList<UserId> Users,
    DateTimeOffset Now,
    IReadOnlyList<DateTimeOffset> DelegationEnds)
{
    /// <summary>Gets the instants worth checking: <see cref="Now"/>, and one tick before, at and one tick after each delegation end.</summary>
    public IReadOnlyList<DateTimeOffset> Instants =>
        [Now, .. DelegationEnds.SelectMany(end => new[] { end.AddTicks(-1), end, end.AddTicks(1) })];

    /// <summary>Lists every row, so that a failing case can be read and replayed by hand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        foreach (RoleDefinition role in Builder.Roles)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"role {role.Id} {role.Name} {role.Kind} parent={role.Parent?.ToString() ?? "-"}");
        }

        foreach (UserDefinition user in Builder.Users)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"user {user.Id} {user.Name} {user.Kind} active={user.IsActive}");
        }

        foreach (RoleMembership membership in Builder.Memberships)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"member {membership.User} in {membership.Role}");
        }

        foreach (FunctionalRoleLink link in Builder.FunctionalLinks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"link {link.FunctionalRole} to {link.OrganizationalRole}");
        }

        foreach (Delegation delegation in Builder.Delegations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"delegate {delegation.Grantor} to {delegation.Recipient} until {delegation.EndsAt?.ToString("O") ?? "-"}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"not inherited by managers: {string.Join(", ", Builder.RolesNotInheritedByManagers)}");
        return text.ToString();
    }
}

/// <summary>FsCheck generators of random valid models (DESIGN.md §1, §2, §11).</summary>
/// <remarks>Use as <c>[Property(Arbitrary = [typeof(RandomModels)])]</c> with a <see cref="RandomModel"/> parameter.</remarks>
public static class RandomModels
{
    private static readonly DateTimeOffset s_now = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset[] s_ends = [s_now.AddHours(1), s_now.AddHours(2), s_now.AddDays(3)];

    private static readonly RoleId[] s_builtIns = [BuiltInRoles.AllEmployees, BuiltInRoles.AllPortalUsers, BuiltInRoles.SystemAdministrators];

    private static readonly AdminUnitKind[] s_organizationalKinds = [AdminUnitKind.Organization, AdminUnitKind.Division, AdminUnitKind.Team];

    /// <summary>Gets the arbitrary FsCheck picks up for <see cref="RandomModel"/> parameters.</summary>
    /// <returns>The arbitrary; it does not shrink.</returns>
    public static Arbitrary<RandomModel> Model() => Generate().ToArbitrary();

    /// <summary>Generates random valid models.</summary>
    /// <returns>The generator.</returns>
    public static Gen<RandomModel> Generate() =>
        from salt in Gen.Choose(0, int.MaxValue)
        from organizationParents in ParentChoices(Gen.Choose(0, 10), s_builtIns.Length)
        from organizationKinds in Gen.Elements(s_organizationalKinds).ArrayOf(organizationParents.Length)
        let organization = Organization(salt, organizationParents, organizationKinds)
        from managed in Gen.SubListOf<RoleId>(organization.Select(r => r.Id))
        from functionalParents in ParentChoices(Gen.Choose(0, 6), 0)
        let functional = Functional(salt, functionalParents)
        from links in functional.Count == 0
            ? Gen.Constant(new List<FunctionalRoleLink>())
            : Gen.ListOf(
                from f in Gen.Elements<RoleId>(functional.Select(r => r.Id))
                from o in Gen.Elements<RoleId>(organization.Select(r => r.Id))
                select new FunctionalRoleLink(f, o)).Select(l => l.Take(6).ToList())
        from users in Gen.Choose(1, 30).SelectMany(count => UserGen(salt).ArrayOf(count))
        let model = Assemble(salt, organization, managed, functional, links, users)
        from withMemberships in Memberships(model)
        from delegations in Delegations(withMemberships)
        from notInherited in Gen.Frequency<IEnumerable<RoleId>>(
            (2, Gen.Constant<IEnumerable<RoleId>>([BuiltInRoles.SystemAdministrators])),
            (1, Gen.SubListOf<RoleId>(withMemberships.Roles).Select(l => l.Take(3))))
        select Finish(withMemberships, delegations, notInherited);

    /// <summary>For each of a random number of new nodes, a parent: -1 for none, 0 to <paramref name="fixedParents"/> - 1 for a fixed
    /// parent, or a node generated earlier.</summary>
    private static Gen<int[]> ParentChoices(Gen<int> count, int fixedParents) =>
        count.SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => Gen.Choose(-1, fixedParents + i - 1)));

    private static List<RoleDefinition> Organization(int salt, int[] parents, AdminUnitKind[] kinds)
    {
        // Index 0..2 are the built-in roles, as roots; generated roles follow.
        var roles = s_builtIns.Select(id => new RoleDefinition(id, id.ToString(), AdminUnitKind.Organization)).ToList();
        for (int i = 0; i < parents.Length; i++)
        {
            RoleId id = Ids.Role($"{salt}:org{i}");
            RoleId? parent = parents[i] < 0 ? null : roles[parents[i]].Id;
            roles.Add(new RoleDefinition(id, $"Org {i}", kinds[i], parent));
        }

        return roles;
    }

    private static List<RoleDefinition> Functional(int salt, int[] parents)
    {
        var roles = new List<RoleDefinition>();
        for (int i = 0; i < parents.Length; i++)
        {
            RoleId? parent = parents[i] < 0 ? null : roles[parents[i]].Id;
            roles.Add(new RoleDefinition(Ids.Role($"{salt}:fun{i}"), $"Functional {i}", AdminUnitKind.FunctionalRole, parent));
        }

        return roles;
    }

    private static Gen<(bool External, bool Active)> UserGen(int salt) =>
        from external in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from active in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select (external, active);

    private static RandomModel Assemble(
        int salt,
        List<RoleDefinition> organization,
        IList<RoleId> managed,
        List<RoleDefinition> functional,
        List<FunctionalRoleLink> links,
        (bool External, bool Active)[] users)
    {
        var builder = new AccessModelBuilder();

        // The built-in roles are left to Build(), which adds them as roots.
        foreach (RoleDefinition role in organization.Skip(s_builtIns.Length))
        {
            builder.Add(role);
        }

        var managers = new List<RoleId>();
        foreach (RoleId role in managed)
        {
            RoleId manager = Ids.Role($"{salt}:managers of {role}");
            managers.Add(manager);
            builder.Add(new RoleDefinition(manager, $"Managers of {role}", AdminUnitKind.Manager, role));
        }

        foreach (RoleDefinition role in functional)
        {
            builder.Add(role);
        }

        foreach (FunctionalRoleLink link in links)
        {
            builder.Add(link);
        }

        var userIds = new List<UserId>();
        for (int i = 0; i < users.Length; i++)
        {
            UserId id = Ids.User($"{salt}:user{i}");
            userIds.Add(id);
            builder.Add(new UserDefinition(id, $"User {i}", users[i].External ? AdminUnitKind.ExternalUser : AdminUnitKind.User)
            {
                IsActive = users[i].Active,
            });
        }

        var parentOf = new Dictionary<RoleId, RoleId?>();
        foreach (RoleDefinition role in organization.Concat(builder.Roles))
        {
            parentOf[role.Id] = role.Parent;
        }

        List<RoleId> organizational = [.. organization.Select(r => r.Id)];
        List<RoleId> allRoles = [.. organizational, .. managers, .. functional.Select(r => r.Id)];
        List<RoleId> portal = [.. allRoles.Where(r => IsUnderAllPortalUsers(parentOf, r))];
        return new RandomModel(builder, allRoles, organizational, managers, [.. functional.Select(r => r.Id)], portal, userIds, s_now, []);
    }

    private static bool IsUnderAllPortalUsers(Dictionary<RoleId, RoleId?> parentOf, RoleId role)
    {
        for (RoleId? current = role; current is { } id; current = parentOf[id])
        {
            if (id == BuiltInRoles.AllPortalUsers)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds up to three memberships per user (portal users only in portal roles), then extra members for Manager units.</summary>
    private static Gen<RandomModel> Memberships(RandomModel model)
    {
        List<UserDefinition> users = [.. model.Builder.Users];
        List<UserDefinition> employees = [.. users.Where(u => !u.IsExternal)];
        Gen<List<RoleMembership>> perUser = Gen.CollectToList(users, user =>
        {
            IReadOnlyList<RoleId> eligible = user.IsExternal ? model.PortalRoles : model.Roles;
            return Gen.Choose(0, 3).SelectMany(n => Gen.Elements<RoleId>(eligible).ListOf(n))
                .Select(roles => roles.Select(role => new RoleMembership(user.Id, role)).ToList());
        }).Select(lists => lists.SelectMany(l => l).ToList());

        Gen<List<RoleMembership>> inManagerUnits = employees.Count == 0 || model.ManagerUnits.Count == 0
            ? Gen.Constant(new List<RoleMembership>())
            : Gen.CollectToList(model.ManagerUnits, manager =>
                Gen.Choose(0, 2).SelectMany(n => Gen.Elements<UserDefinition>(employees).ListOf(n))
                    .Select(members => members.Select(user => new RoleMembership(user.Id, manager)).ToList()))
                .Select(lists => lists.SelectMany(l => l).ToList());

        return from own in perUser
               from managers in inManagerUnits
               select AddRows(model, own.Concat(managers));
    }

    private static RandomModel AddRows(RandomModel model, IEnumerable<RoleMembership> memberships)
    {
        foreach (RoleMembership membership in memberships)
        {
            model.Builder.Add(membership);
        }

        return model;
    }

    /// <summary>Up to six delegations between random units, some with an end instant.</summary>
    private static Gen<List<Delegation>> Delegations(RandomModel model)
    {
        List<AdminUnitId> units = [.. model.Roles.Select(r => (AdminUnitId)r), .. model.Users.Select(u => (AdminUnitId)u)];
        Gen<DateTimeOffset?> end = Gen.Frequency(
            (2, Gen.Constant<DateTimeOffset?>(null)),
            (3, Gen.Elements(s_ends).Select(e => (DateTimeOffset?)e)));
        Gen<Delegation> delegation =
            from grantor in Gen.Elements<AdminUnitId>(units)
            from recipient in Gen.Elements<AdminUnitId>(units)
            from endsAt in end
            select new Delegation(grantor, recipient, endsAt);
        return Gen.Choose(0, 6).SelectMany(n => delegation.ListOf(n)).Select(l => l.ToList());
    }

    private static RandomModel Finish(RandomModel model, List<Delegation> delegations, IEnumerable<RoleId> notInherited)
    {
        foreach (Delegation delegation in delegations)
        {
            model.Builder.Add(delegation);
        }

        model.Builder.RolesNotInheritedByManagers.Clear();
        foreach (RoleId role in notInherited)
        {
            model.Builder.RolesNotInheritedByManagers.Add(role);
        }

        List<DateTimeOffset> ends = [.. delegations.Where(d => d.EndsAt is not null).Select(d => d.EndsAt!.Value).Distinct().Order()];
        return model with { DelegationEnds = ends };
    }
}
