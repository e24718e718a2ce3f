namespace Creatio.AccessControl;

/// <summary>Links a functional role to an organizational role (Creatio's <c>SysFuncRoleInOrgRole</c>).</summary>
/// <remarks>Decision: the link grants the functional role to the members of the organizational role
/// (and so to the members of the roles below it), not the reverse.</remarks>
public sealed record FunctionalRoleLink
{
    /// <summary>Creates a link.</summary>
    /// <param name="FunctionalRole">The functional role whose permissions are given.</param>
    /// <param name="OrganizationalRole">The organizational role whose members receive them.</param>
    public FunctionalRoleLink(RoleId FunctionalRole, RoleId OrganizationalRole)
    {
        this.FunctionalRole = FunctionalRole;
        this.OrganizationalRole = OrganizationalRole;
    }

    /// <summary>Gets the functional role whose permissions are given.</summary>
    public RoleId FunctionalRole { get; init; }

    /// <summary>Gets the organizational role whose members receive them.</summary>
    public RoleId OrganizationalRole { get; init; }
}
