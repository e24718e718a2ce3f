namespace Creatio.AccessControl;

/// <summary>Changes an active support grant: extends or shortens its close date, sets its boxes, scope or level (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md#changing-a-grant">changing a grant</see>).</summary>
/// <remarks>Each property left <see langword="null"/> keeps the grant's value. The rules are those of granting
/// (<see cref="GrantSupportAccess"/>): the same acting users may change a grant (for a grantor other than themselves with
/// <c>CanDelegateExternalAccess</c>), and also need Edit on the External access object; the licence must allow support
/// access, the grantor must still be an active employee, and the changed grant may last at most the maximum duration.
/// A deactivated grant cannot be changed, and a support session never changes a grant. The change is applied as the
/// same model edit as granting (the grant put whole) and audited as <see cref="AccessAuditEventType.SupportAccess"/>,
/// with the grant as it was.</remarks>
public sealed record ChangeSupportAccess : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Grant">The grant to change.</param>
    public ChangeSupportAccess(SupportGrantId Grant)
    {
        this.Grant = Grant;
    }

    /// <summary>Gets the grant to change.</summary>
    public SupportGrantId Grant { get; init; }

    /// <summary>Gets the new close date: the last day of access, in the system's time zone.</summary>
    /// <value>The default value is <see langword="null"/>: the close date stays.</value>
    public DateOnly? CloseDate { get; init; }

    /// <summary>Gets the new "Deny access to data" box.</summary>
    /// <value>The default value is <see langword="null"/>: the box stays.</value>
    public bool? DenyDataAccess { get; init; }

    /// <summary>Gets the new "Deny configuration" box.</summary>
    /// <value>The default value is <see langword="null"/>: the box stays.</value>
    public bool? DenyConfiguration { get; init; }

    /// <summary>Gets the new scope: the workplaces the grant is scoped to, empty for the whole system.</summary>
    /// <value>The default value is <see langword="null"/>: the scope stays.</value>
    public IReadOnlyList<string>? Workplaces { get; init; }

    /// <summary>Gets the new level.</summary>
    /// <value>The default value is <see langword="null"/>: the level stays.</value>
    public SupportAccessLevel? Level { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SupportAccess;

    internal override bool IsSupportAccessChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before)
    {
        // An unknown grant is refused as not found once the actor may change grants at all.
        UserId? grantor = before.SupportGrants.FirstOrDefault(g => g.Id == Grant)?.Grantor ?? actor.User;
        AccessDecision decision = GrantSupportAccess.AuthorizeGranting(actor, before, grantor);
        return decision.IsAllowed ? actor.CheckObject(SupportAccessRules.ExternalAccessObject(before.Settings.SupportAccess), ObjectOperation.Edit) : decision;
    }

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        SupportAccessGrant? current = context.SupportGrants.FirstOrDefault(g => g.Id == Grant);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Support grant `{Grant}` does not exist.");
        }

        if (!current!.IsActive)
        {
            ChangeContext.Refuse(AccessChangeRefusal.SupportGrantInactive, $"Support grant `{Grant}` is deactivated and cannot be changed; grant support access again instead.");
        }

        SupportAccessGrant changed = current with
        {
            CloseDate = CloseDate ?? current.CloseDate,
            DenyDataAccess = DenyDataAccess ?? current.DenyDataAccess,
            DenyConfiguration = DenyConfiguration ?? current.DenyConfiguration,
            Workplaces = Workplaces is null ? current.Workplaces : [.. Workplaces],
            Level = Level ?? current.Level,
        };
        GrantSupportAccess.CheckGrantable(context, changed, madeBy: null);
        context.Replaced([current]);
        return Delta(new PutSupportGrantEdit(changed));
    }
}
