namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="IAdminUnitStore"/> holds.</summary>
public sealed record AdminUnitRows
{
    /// <summary>Creates a set of rows.</summary>
    /// <param name="Users">The users.</param>
    /// <param name="Roles">The roles.</param>
    /// <param name="Memberships">The direct memberships.</param>
    /// <param name="FunctionalLinks">The functional links.</param>
    /// <param name="Delegations">The delegations.</param>
    /// <param name="RolesNotInheritedByManagers">The roles managers do not inherit from their employees.</param>
    public AdminUnitRows(
        IReadOnlyList<UserDefinition> Users,
        IReadOnlyList<RoleDefinition> Roles,
        IReadOnlyList<RoleMembership> Memberships,
        IReadOnlyList<FunctionalRoleLink> FunctionalLinks,
        IReadOnlyList<Delegation> Delegations,
        IReadOnlyList<RoleId> RolesNotInheritedByManagers)
    {
        this.Users = Users;
        this.Roles = Roles;
        this.Memberships = Memberships;
        this.FunctionalLinks = FunctionalLinks;
        this.Delegations = Delegations;
        this.RolesNotInheritedByManagers = RolesNotInheritedByManagers;
    }

    /// <summary>Gets the users.</summary>
    public IReadOnlyList<UserDefinition> Users { get; init; }

    /// <summary>Gets the roles.</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; init; }

    /// <summary>Gets the direct memberships.</summary>
    public IReadOnlyList<RoleMembership> Memberships { get; init; }

    /// <summary>Gets the functional links.</summary>
    public IReadOnlyList<FunctionalRoleLink> FunctionalLinks { get; init; }

    /// <summary>Gets the delegations.</summary>
    public IReadOnlyList<Delegation> Delegations { get; init; }

    /// <summary>Gets the roles managers do not inherit from their employees.</summary>
    public IReadOnlyList<RoleId> RolesNotInheritedByManagers { get; init; }
}
