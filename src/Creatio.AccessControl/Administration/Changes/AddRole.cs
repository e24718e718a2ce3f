namespace Creatio.AccessControl;

/// <summary>Adds a role; a manager unit is a role of kind Manager whose parent is the role it manages.</summary>
public sealed record AddRole : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Role">The role.</param>
    public AddRole(RoleDefinition Role)
    {
        this.Role = Role;
    }

    /// <summary>Gets the role.</summary>
    public RoleDefinition Role { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RoleChange;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Role);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (context.Roles.Any(r => r.Id == Role.Id))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Role `{Role.Id}` already exists.");
        }

        return Delta(new PutRoleEdit(Role));
    }
}
