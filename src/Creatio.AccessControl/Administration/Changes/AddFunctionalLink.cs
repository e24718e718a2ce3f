namespace Creatio.AccessControl;

/// <summary>Links a functional role to an organizational role.</summary>
/// <param name="Link">The link.</param>
public sealed record AddFunctionalLink(FunctionalRoleLink Link) : AccessChange
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
        ModelEditor.Add(editor.Builder.FunctionalLinks, Link, l => l == Link, $"Link of `{Link.FunctionalRole}` to `{Link.OrganizationalRole}`");
    }
}
