namespace Creatio.AccessControl;

/// <summary>Removes a user from a role.</summary>
public sealed record RemoveMembership : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Membership">The membership.</param>
    public RemoveMembership(RoleMembership Membership)
    {
        this.Membership = Membership;
    }

    /// <summary>Gets the membership.</summary>
    public RoleMembership Membership { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserRoleChange;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Membership);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (!context.HasMembership(Membership))
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Membership of `{Membership.User}` in `{Membership.Role}` does not exist.");
        }

        context.Replaced([Membership]);
        return Delta(new RemoveMembershipEdit(Membership));
    }
}
