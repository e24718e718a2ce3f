namespace Creatio.AccessControl;

/// <summary>A user's direct membership in a role (Creatio's <c>SysUserInRole</c>).</summary>
public sealed record RoleMembership
{
    /// <summary>Creates a membership.</summary>
    /// <param name="User">The member.</param>
    /// <param name="Role">The role the user was added to.</param>
    public RoleMembership(UserId User, RoleId Role)
    {
        this.User = User;
        this.Role = Role;
    }

    /// <summary>Gets the member.</summary>
    public UserId User { get; init; }

    /// <summary>Gets the role the user was added to.</summary>
    public RoleId Role { get; init; }
}
