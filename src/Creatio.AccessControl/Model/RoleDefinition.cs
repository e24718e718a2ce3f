namespace Creatio.AccessControl;

/// <summary>A role: organizational (organization, division, team), manager, or functional.</summary>
/// <remarks>A child role inherits its parent's permissions, never the reverse. Organizational roles form one forest,
/// functional roles another.</remarks>
public sealed record RoleDefinition
{
    /// <summary>Creates a role.</summary>
    /// <param name="Id">The role's identifier.</param>
    /// <param name="Name">The role's display name.</param>
    /// <param name="Kind">The kind of role; never <see cref="AdminUnitKind.User"/> or <see cref="AdminUnitKind.ExternalUser"/>.</param>
    /// <param name="Parent">The parent role, or <see langword="null"/> for a root. A manager role's parent is the organizational role it manages.</param>
    public RoleDefinition(RoleId Id, string Name, AdminUnitKind Kind, RoleId? Parent = null)
    {
        this.Id = Id;
        this.Name = Name;
        this.Kind = Kind;
        this.Parent = Parent;
    }

    /// <summary>Gets the role's identifier.</summary>
    public RoleId Id { get; init; }

    /// <summary>Gets the role's display name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the kind of role; never <see cref="AdminUnitKind.User"/> or <see cref="AdminUnitKind.ExternalUser"/>.</summary>
    public AdminUnitKind Kind { get; init; }

    /// <summary>Gets the parent role, or <see langword="null"/> for a root. A manager role's parent is the organizational role it manages.</summary>
    public RoleId? Parent { get; init; }

    /// <summary>Gets the account this role is linked to, which makes an organization under
    /// <see cref="BuiltInRoles.AllPortalUsers"/> a portal organization.</summary>
    public AccountId? Account { get; init; }

    /// <summary>Gets a value indicating whether this is an organizational role (organization, division or team).</summary>
    public bool IsOrganizational => Kind is AdminUnitKind.Organization or AdminUnitKind.Division or AdminUnitKind.Team;
}
