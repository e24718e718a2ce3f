namespace Creatio.AccessControl;

/// <summary>Delegates a unit's permissions to another unit.</summary>
public sealed record AddDelegation : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Delegation">The delegation.</param>
    public AddDelegation(Delegation Delegation)
    {
        this.Delegation = Delegation;
    }

    /// <summary>Gets the delegation.</summary>
    public Delegation Delegation { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserRoleChange;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Delegation);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanChangeAdminUnitGrantedRight);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (context.Delegations.Any(d => d.Grantor == Delegation.Grantor && d.Recipient == Delegation.Recipient))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Delegation from `{Delegation.Grantor}` to `{Delegation.Recipient}` already exists.");
        }

        return Delta(new AddDelegationEdit(Delegation));
    }
}
