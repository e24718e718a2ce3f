namespace Creatio.AccessControl;

/// <summary>Removes a role; it must be present. Rows naming the role are removed by edits of their own.</summary>
public sealed class RemoveRoleEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="role">The role.</param>
    public RemoveRoleEdit(RoleId role)
    {
        Role = role;
    }

    /// <summary>Gets the role.</summary>
    public RoleId Role { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.Roles, r => r.Id == Role) > 0 ? null : $"role `{Role}` does not exist";
    }
}
