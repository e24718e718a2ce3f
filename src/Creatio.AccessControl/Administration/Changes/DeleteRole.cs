namespace Creatio.AccessControl;

/// <summary>Deletes a role with every membership, link, delegation and row that names it; refused while roles remain below it.</summary>
public sealed record DeleteRole : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Role">The role.</param>
    public DeleteRole(RoleId Role)
    {
        this.Role = Role;
    }

    /// <summary>Gets the role.</summary>
    public RoleId Role { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RoleChange;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (Role == BuiltInRoles.AllEmployees || Role == BuiltInRoles.AllPortalUsers || Role == BuiltInRoles.SystemAdministrators)
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Role `{Role}` is built in and cannot be deleted.");
        }

        RoleDefinition? child = context.Roles.FirstOrDefault(r => r.Parent == Role);
        if (child is not null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Role `{Role}` has role `{child.Id}` below it; delete or move that role first.");
        }

        RoleDefinition? current = context.Roles.FirstOrDefault(r => r.Id == Role);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Role `{Role}` does not exist.");
        }

        context.Replaced([current!]);
        return Delta([new RemoveRoleEdit(Role), .. context.RemoveReferencesTo(Role)]);
    }
}
