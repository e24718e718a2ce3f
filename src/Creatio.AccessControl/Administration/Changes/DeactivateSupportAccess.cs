namespace Creatio.AccessControl;

/// <summary>Deactivates a support grant: it allows nothing from the next check on. Grants are kept, never deleted.</summary>
/// <remarks>Needs Edit on the External access object (<see cref="SupportAccessSettings.ExternalAccessObject"/>,
/// <c>SysExternalAccess</c> by default); never allowed from a support session.</remarks>
public sealed record DeactivateSupportAccess : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Grant">The grant.</param>
    public DeactivateSupportAccess(SupportGrantId Grant)
    {
        this.Grant = Grant;
    }

    /// <summary>Gets the grant.</summary>
    public SupportGrantId Grant { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SupportAccess;

    internal override bool IsSupportAccessChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckObject(SupportAccessRules.ExternalAccessObject(before.Settings.SupportAccess), ObjectOperation.Edit);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        SupportAccessGrant? current = context.SupportGrants.FirstOrDefault(g => g.Id == Grant);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Support grant `{Grant}` does not exist.");
        }

        context.Replaced([current!]);
        return Delta(new PutSupportGrantEdit(current! with { IsActive = false }));
    }
}
