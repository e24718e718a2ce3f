namespace Creatio.AccessControl;

/// <summary>Replaces the list of roles managers do not inherit from the employees they manage.</summary>
public sealed record SetRolesNotInheritedByManagers : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Roles">The roles.</param>
    public SetRolesNotInheritedByManagers(IReadOnlyList<RoleId> Roles)
    {
        this.Roles = Roles;
    }

    /// <summary>Gets the roles.</summary>
    public IReadOnlyList<RoleId> Roles { get; init; }

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
