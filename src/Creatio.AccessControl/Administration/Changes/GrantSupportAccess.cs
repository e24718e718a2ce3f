namespace Creatio.AccessControl;

/// <summary>Grants a vendor's support specialists time-limited access under a user's permissions (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
/// <remarks>Who may grant: a member of System administrators with Read and Create on the External access object
/// (<see cref="SupportAccessSettings.ExternalAccessObject"/>, <c>SysExternalAccess</c> by default), or, when the setting allows non-admins, anyone with those rights. Naming another grantor
/// needs <c>CanDelegateExternalAccess</c>. The grantor must be an active employee, the licence must not be free or trial,
/// and the grant may last at most the configured maximum duration.</remarks>
public sealed record GrantSupportAccess : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Grant">The grant. <see cref="SupportAccessGrant.GrantedBy"/> must be the acting user.</param>
    public GrantSupportAccess(SupportAccessGrant Grant)
    {
        this.Grant = Grant;
    }

    /// <summary>Gets the grant. <see cref="SupportAccessGrant.GrantedBy"/> must be the acting user.</summary>
    public SupportAccessGrant Grant { get; init; }

    /// <summary>Gets the default external access object, <c>SysExternalAccess</c>, whose Read and Create rights granting
    /// needs unless the settings name another (<see cref="SupportAccessSettings.ExternalAccessObject"/>).</summary>
    public static ObjectName ExternalAccessObject { get; } = new(SupportAccessSettings.DefaultExternalAccessObject);

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SupportAccess;


    internal override bool IsSupportAccessChange => true;

    /// <summary>The close date the grant dialog offers by default for a start date.</summary>
    /// <param name="startDate">The start date.</param>
    /// <param name="settings">The support access settings.</param>
    /// <returns><paramref name="startDate"/> plus the default duration; the last day of the calendar
    /// (<see cref="DateOnly.MaxValue"/>) when that lies beyond it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The settings break a rule a model's settings obey: the default duration is not
    /// from 1 to the maximum duration, or the maximum is not from 1 to <see cref="SupportAccessSettings.DurationLimitDays"/>.</exception>
    public static DateOnly DefaultCloseDate(DateOnly startDate, SupportAccessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? problem = SupportAccessRules.MaxDuration(settings.MaxDurationDays) is { } max
            ? $"The maximum duration {max}"
            : SupportAccessRules.DefaultDuration(settings.DefaultDurationDays, settings.MaxDurationDays, "the maximum duration") is { } duration
                ? $"The default duration {duration}"
                : null;
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        int room = DateOnly.MaxValue.DayNumber - startDate.DayNumber;
        return settings.DefaultDurationDays > room ? DateOnly.MaxValue : startDate.AddDays(settings.DefaultDurationDays);
    }

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Grant);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) => AuthorizeGranting(actor, before, Grant.Grantor);

    /// <summary>Who may grant support access of <paramref name="grantor"/>'s permissions, and change such a grant: a System
    /// administrator (or anyone, when the setting allows non-admins) with Read and Create on the External access object,
    /// and <c>CanDelegateExternalAccess</c> for another grantor than themselves.</summary>
    internal static AccessDecision AuthorizeGranting(AccessPrincipal actor, AccessModel before, UserId? grantor)
    {
        bool admin = actor.HasEffectiveRole(BuiltInRoles.SystemAdministrators);
        if (!admin && !before.Settings.SupportAccess.AllowNonAdminsToGrant)
        {
            return AccessDecision.Deny(AccessStage.SupportAccess, AccessReason.NotSystemAdministrator);
        }

        ObjectName external = SupportAccessRules.ExternalAccessObject(before.Settings.SupportAccess);
        AccessDecision decision = actor.CheckObject(external, ObjectOperation.Read);
        if (decision.IsAllowed)
        {
            decision = actor.CheckObject(external, ObjectOperation.Create);
        }

        if (decision.IsAllowed && grantor != actor.User)
        {
            decision = actor.CheckSystemOperation(SystemOperations.CanDelegateExternalAccess);
        }

        return decision;
    }

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        CheckGrantable(context, Grant, Grant.GrantedBy);
        if (context.SupportGrants.Any(g => g.Id == Grant.Id))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Support grant `{Grant.Id}` already exists.");
        }

        return Delta(new PutSupportGrantEdit(Grant));
    }

    /// <summary>The rules a grant obeys when it is made or changed, refused with their own reasons: a licence that allows
    /// support access, the acting user as <paramref name="madeBy"/> (when a user acts: the grant's
    /// <see cref="SupportAccessGrant.GrantedBy"/> for a new grant, nobody to compare for a change), an active employee as
    /// grantor, a close date not before the start date and a duration within the maximum.</summary>
    internal static void CheckGrantable(ChangeContext context, SupportAccessGrant grant, UserId? madeBy)
    {
        SupportAccessSettings settings = context.Settings.SupportAccess;
        ObjectName external = SupportAccessRules.ExternalAccessObject(settings);
        if (external.Value is null || !context.HasObject(external))
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"{SupportAccessRules.MissingExternalAccessObjectText(settings)}: nobody may grant support access or change a grant.");
        }

        if (settings.License != LicenseType.Commercial)
        {
            ChangeContext.Refuse(AccessChangeRefusal.LicenseForbidsSupportAccess, $"A system on a {settings.License} licence cannot grant support access.");
        }

        if (context.Actor.User is { } actor && madeBy is { } by && by != actor)
        {
            ChangeContext.Refuse(AccessChangeRefusal.InvalidGrantor, $"Support grant `{grant.Id}` says it was granted by `{by}`, but `{actor}` is granting it.");
        }

        UserDefinition? grantor = context.Users.FirstOrDefault(u => u.Id == grant.Grantor);
        if (grantor is not { IsActive: true, IsExternal: false })
        {
            ChangeContext.Refuse(AccessChangeRefusal.InvalidGrantor, $"The grantor `{grant.Grantor}` of support grant `{grant.Id}` is not an active employee.");
        }

        // The rules of the model validator, refused here with their own reasons; the validator checks the rest.
        if (SupportAccessRules.Period(grant) is { } period)
        {
            ChangeContext.Refuse(AccessChangeRefusal.InvalidSupportPeriod, $"Support grant `{grant.Id}` {period}");
        }

        if (SupportAccessRules.Duration(grant, settings) is { } duration)
        {
            ChangeContext.Refuse(AccessChangeRefusal.SupportPeriodTooLong, $"Support grant `{grant.Id}` {duration}");
        }
    }
}
