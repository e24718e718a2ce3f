namespace Creatio.AccessControl;

/// <summary>Deletes a role with every membership, link, delegation and row that names it; refused while roles remain below it.</summary>
/// <param name="Role">The role.</param>
public sealed record DeleteRole(RoleId Role) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RoleChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanManageAdministration);

    internal override void Apply(ModelEditor editor)
    {
        if (Role == BuiltInRoles.AllEmployees || Role == BuiltInRoles.AllPortalUsers || Role == BuiltInRoles.SystemAdministrators)
        {
            ModelEditor.Refuse(AccessChangeRefusal.Conflict, $"Role `{Role}` is built in and cannot be deleted.");
        }

        RoleDefinition? child = editor.Builder.Roles.FirstOrDefault(r => r.Parent == Role);
        if (child is not null)
        {
            ModelEditor.Refuse(AccessChangeRefusal.Conflict, $"Role `{Role}` has role `{child.Id}` below it; delete or move that role first.");
        }

        editor.Remove(editor.Builder.Roles, r => r.Id == Role, $"Role `{Role}`");
        editor.RemoveReferencesTo(Role);
    }
}
