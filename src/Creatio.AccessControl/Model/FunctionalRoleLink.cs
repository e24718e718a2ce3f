namespace Creatio.AccessControl;

/// <summary>Links a functional role to an organizational role (Creatio's <c>SysFuncRoleInOrgRole</c>).</summary>
/// <param name="FunctionalRole">The functional role whose permissions are given.</param>
/// <param name="OrganizationalRole">The organizational role whose members receive them.</param>
/// <remarks>Decision: the link grants the functional role to the members of the organizational role
/// (and so to the members of the roles below it), not the reverse.</remarks>
public sealed record FunctionalRoleLink(RoleId FunctionalRole, RoleId OrganizationalRole);
