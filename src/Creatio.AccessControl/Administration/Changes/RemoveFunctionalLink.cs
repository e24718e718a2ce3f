namespace Creatio.AccessControl;

/// <summary>Removes a functional link.</summary>
public sealed record RemoveFunctionalLink : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Link">The link.</param>
    public RemoveFunctionalLink(FunctionalRoleLink Link)
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
        FunctionalRoleLink[] current = [.. context.FunctionalLinks.Where(l => l == Link)];
        if (current.Length == 0)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Link of `{Link.FunctionalRole}` to `{Link.OrganizationalRole}` does not exist.");
        }

        context.Replaced(current);
        return Delta(new RemoveFunctionalLinkEdit(Link));
    }
}
