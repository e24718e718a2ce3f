namespace Creatio.AccessControl;

/// <summary>Links a functional role to an organizational role.</summary>
public sealed record AddFunctionalLink : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Link">The link.</param>
    public AddFunctionalLink(FunctionalRoleLink Link)
    {
        this.Link = Link;
    }

    /// <summary>Gets the link.</summary>
    public FunctionalRoleLink Link { get; init; }

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
