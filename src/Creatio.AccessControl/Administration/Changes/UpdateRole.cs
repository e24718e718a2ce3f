namespace Creatio.AccessControl;

/// <summary>Replaces a role's definition (name, kind, parent, account).</summary>
/// <param name="Role">The role's new definition.</param>
public sealed record UpdateRole(RoleDefinition Role) : AccessChange
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
        editor.Replace(editor.Builder.Roles, Role, r => r.Id == Role.Id, $"Role `{Role.Id}`");
    }
}
