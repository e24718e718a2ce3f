namespace Creatio.AccessControl;

/// <summary>Replaces the list of roles managers do not inherit from the employees they manage.</summary>
/// <param name="Roles">The roles.</param>
public sealed record SetRolesNotInheritedByManagers(IReadOnlyList<RoleId> Roles) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SystemSettingValues;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Roles);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageSysSettings);

    internal override AccessModelDelta ToDelta(ChangeContext context) => Delta(new ReplaceRolesNotInheritedByManagersEdit(Roles));
}
