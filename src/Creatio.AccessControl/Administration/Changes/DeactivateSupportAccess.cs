namespace Creatio.AccessControl;

/// <summary>Deactivates a support grant: it allows nothing from the next check on. Grants are kept, never deleted.</summary>
/// <param name="Grant">The grant.</param>
/// <remarks>Needs Edit on the External access object (<c>SysExternalAccess</c>); never allowed from a support session.</remarks>
public sealed record DeactivateSupportAccess(SupportGrantId Grant) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SupportAccess;

    internal override ChangeScope Scope => ChangeScope.Settings;

    internal override bool IsSupportAccessChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckObject(GrantSupportAccess.ExternalAccessObject, ObjectOperation.Edit);

    internal override void Apply(ModelEditor editor)
    {
        SupportAccessGrant? current = editor.Builder.SupportGrants.FirstOrDefault(g => g.Id == Grant);
        if (current is null)
        {
            ModelEditor.Refuse(AccessChangeRefusal.NotFound, $"Support grant `{Grant}` does not exist.");
        }

        editor.Replace(editor.Builder.SupportGrants, current! with { IsActive = false }, g => g.Id == Grant, $"Support grant `{Grant}`");
    }
}
