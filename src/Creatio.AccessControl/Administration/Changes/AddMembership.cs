namespace Creatio.AccessControl;

/// <summary>Adds a user to a role.</summary>
public sealed record AddMembership : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Membership">The membership.</param>
    public AddMembership(RoleMembership Membership)
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
        if (context.HasMembership(Membership))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Membership of `{Membership.User}` in `{Membership.Role}` already exists.");
        }

        return Delta(new AddMembershipEdit(Membership));
    }
}
