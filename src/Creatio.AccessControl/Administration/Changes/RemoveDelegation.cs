namespace Creatio.AccessControl;

/// <summary>Removes a delegation.</summary>
/// <param name="Grantor">The unit whose permissions were delegated.</param>
/// <param name="Recipient">The unit that received them.</param>
public sealed record RemoveDelegation(AdminUnitId Grantor, AdminUnitId Recipient) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserRoleChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanChangeAdminUnitGrantedRight);

    internal override void Apply(ModelEditor editor)
    {
        editor.Remove(editor.Builder.Delegations, d => d.Grantor == Grantor && d.Recipient == Recipient, $"Delegation from `{Grantor}` to `{Recipient}`");
    }
}
