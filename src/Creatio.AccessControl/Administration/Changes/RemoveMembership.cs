namespace Creatio.AccessControl;

/// <summary>Removes a user from a role.</summary>
/// <param name="Membership">The membership.</param>
public sealed record RemoveMembership(RoleMembership Membership) : AccessChange
{
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
