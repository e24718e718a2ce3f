namespace Creatio.AccessControl;

/// <summary>Adds a role, or replaces the role of the same id in place.</summary>
public sealed class PutRoleEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="role">The role.</param>
    public PutRoleEdit(RoleDefinition role)
    {
        ArgumentNullException.ThrowIfNull(role);
        Role = role;
    }

    /// <summary>Gets the role.</summary>
    public RoleDefinition Role { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.Roles, Role, r => r.Id == Role.Id);
        return null;
    }
}
