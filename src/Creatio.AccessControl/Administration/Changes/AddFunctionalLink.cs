namespace Creatio.AccessControl;

/// <summary>Links a functional role to an organizational role.</summary>
/// <param name="Link">The link.</param>
public sealed record AddFunctionalLink(FunctionalRoleLink Link) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RoleChange;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Link);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (context.FunctionalLinks.Contains(Link))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Link of `{Link.FunctionalRole}` to `{Link.OrganizationalRole}` already exists.");
        }

        return Delta(new AddFunctionalLinkEdit(Link));
    }
}
