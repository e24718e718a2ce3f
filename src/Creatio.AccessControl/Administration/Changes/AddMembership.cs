namespace Creatio.AccessControl;

/// <summary>Adds a user to a role.</summary>
/// <param name="Membership">The membership.</param>
public sealed record AddMembership(RoleMembership Membership) : AccessChange
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
        if (context.HasMembership(Membership))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Membership of `{Membership.User}` in `{Membership.Role}` already exists.");
        }

        return Delta(new AddMembershipEdit(Membership));
    }
}
