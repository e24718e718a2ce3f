namespace Creatio.AccessControl;

/// <summary>Replaces a role's definition (name, kind, parent, account).</summary>
public sealed record UpdateRole : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Role">The role's new definition.</param>
    public UpdateRole(RoleDefinition Role)
    {
        this.Role = Role;
    }

    /// <summary>Gets the role's new definition.</summary>
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
        RoleDefinition? current = context.Roles.FirstOrDefault(r => r.Id == Role.Id);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Role `{Role.Id}` does not exist.");
        }

        context.Replaced([current!]);
        return Delta(new PutRoleEdit(Role));
    }
}
