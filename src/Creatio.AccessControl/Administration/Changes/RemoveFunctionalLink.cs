namespace Creatio.AccessControl;

/// <summary>Removes a functional link.</summary>
/// <param name="Link">The link.</param>
public sealed record RemoveFunctionalLink(FunctionalRoleLink Link) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RoleChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Link);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override void Apply(ModelEditor editor)
    {
        editor.Remove(editor.Builder.FunctionalLinks, l => l == Link, $"Link of `{Link.FunctionalRole}` to `{Link.OrganizationalRole}`");
    }
}
