namespace Creatio.AccessControl;

/// <summary>Delegates a unit's permissions to another unit.</summary>
/// <param name="Delegation">The delegation.</param>
public sealed record AddDelegation(Delegation Delegation) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserRoleChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Delegation);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanChangeAdminUnitGrantedRight);

    internal override void Apply(ModelEditor editor)
    {
        ModelEditor.Add(editor.Builder.Delegations, Delegation, d => d.Grantor == Delegation.Grantor && d.Recipient == Delegation.Recipient, $"Delegation from `{Delegation.Grantor}` to `{Delegation.Recipient}`");
    }
}
