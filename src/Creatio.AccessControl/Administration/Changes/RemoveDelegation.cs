namespace Creatio.AccessControl;

/// <summary>Removes a delegation.</summary>
public sealed record RemoveDelegation : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Grantor">The unit whose permissions were delegated.</param>
    /// <param name="Recipient">The unit that received them.</param>
    public RemoveDelegation(AdminUnitId Grantor, AdminUnitId Recipient)
    {
        this.Grantor = Grantor;
        this.Recipient = Recipient;
    }

    /// <summary>Gets the unit whose permissions were delegated.</summary>
    public AdminUnitId Grantor { get; init; }

    /// <summary>Gets the unit that received them.</summary>
    public AdminUnitId Recipient { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserRoleChange;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        RequireAll(actor, SystemOperations.CanManageUsers, SystemOperations.CanChangeAdminUnitGrantedRight);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        Delegation[] current = [.. context.Delegations.Where(d => d.Grantor == Grantor && d.Recipient == Recipient)];
        if (current.Length == 0)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Delegation from `{Grantor}` to `{Recipient}` does not exist.");
        }

        context.Replaced(current);
        return Delta(new RemoveDelegationEdit(Grantor, Recipient));
    }
}
