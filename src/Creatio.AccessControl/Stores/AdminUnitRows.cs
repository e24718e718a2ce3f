namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="IAdminUnitStore"/> holds.</summary>
/// <param name="Users">The users.</param>
/// <param name="Roles">The roles.</param>
/// <param name="Memberships">The direct memberships.</param>
/// <param name="FunctionalLinks">The functional links.</param>
/// <param name="Delegations">The delegations.</param>
/// <param name="RolesNotInheritedByManagers">The roles managers do not inherit from their employees.</param>
public sealed record AdminUnitRows(
    IReadOnlyList<UserDefinition> Users,
    IReadOnlyList<RoleDefinition> Roles,
    IReadOnlyList<RoleMembership> Memberships,
    IReadOnlyList<FunctionalRoleLink> FunctionalLinks,
    IReadOnlyList<Delegation> Delegations,
    IReadOnlyList<RoleId> RolesNotInheritedByManagers);
