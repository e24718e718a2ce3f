namespace Creatio.AccessControl;

/// <summary>Replaces the list of roles managers do not inherit from the employees they manage.</summary>
/// <param name="Roles">The roles.</param>
public sealed record SetRolesNotInheritedByManagers(IReadOnlyList<RoleId> Roles) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SystemSettingValues;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Roles);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageSysSettings);

    internal override void Apply(ModelEditor editor)
    {
        editor.Builder.RolesNotInheritedByManagers.Clear();
        foreach (RoleId role in Roles)
        {
            editor.Builder.RolesNotInheritedByManagers.Add(role);
        }
    }
}
