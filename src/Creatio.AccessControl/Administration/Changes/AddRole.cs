namespace Creatio.AccessControl;

/// <summary>Adds a role; a manager unit is a role of kind Manager whose parent is the role it manages.</summary>
/// <param name="Role">The role.</param>
public sealed record AddRole(RoleDefinition Role) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RoleChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Role);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanManageAdministration);

    internal override void Apply(ModelEditor editor)
    {
        ModelEditor.Add(editor.Builder.Roles, Role, r => r.Id == Role.Id, $"Role `{Role.Id}`");
    }
}
