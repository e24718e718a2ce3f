namespace Creatio.AccessControl;

/// <summary>A user's direct membership in a role (Creatio's <c>SysUserInRole</c>).</summary>
/// <param name="User">The member.</param>
/// <param name="Role">The role the user was added to.</param>
public sealed record RoleMembership(UserId User, RoleId Role);
