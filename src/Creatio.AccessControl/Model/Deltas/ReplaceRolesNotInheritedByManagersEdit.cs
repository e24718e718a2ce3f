namespace Creatio.AccessControl;

/// <summary>Replaces the roles a manager does not inherit from the employees they manage.</summary>
public sealed class ReplaceRolesNotInheritedByManagersEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="roles">The roles.</param>
    public ReplaceRolesNotInheritedByManagersEdit(IReadOnlyList<RoleId> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Roles = [.. roles];
    }

    /// <summary>Gets the roles.</summary>
    public IReadOnlyList<RoleId> Roles { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        builder.RolesNotInheritedByManagers.Clear();
        AddAll(builder.RolesNotInheritedByManagers, Roles);
        return null;
    }
}
