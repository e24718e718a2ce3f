namespace Creatio.AccessControl;

/// <summary>The support overlay's rule for administration changes: whether a support session may make a
/// change at all, before the change's own permission is checked on the session's principal.</summary>
internal static class SupportSessionChanges
{
    /// <summary>Whether a support session may make an administration change at all; what the change itself needs is then
    /// checked on the session's principal, through this overlay.</summary>
    /// <remarks>Data changes (records) are for the overlay's object rules to decide. Support-access grants and their
    /// settings are never changed from a session. Other system settings are configuration: a session changes them only at
    /// Admin level with configuration restriction off (and only if its grantor may, which the change's own check asks),
    /// never the enabled audit events unless administration is relaxed, since they decide what its own log keeps. Any other
    /// change administers users, roles or permissions: only a relaxed session with both modes cleared may.</remarks>
    public static AccessDecision Check(AccessSnapshot snapshot, int grant, AccessChange change)
    {
        SupportAccessGrant definition = snapshot.SupportGrants.Grants[grant].Definition;
        if (change.IsSupportAccessChange)
        {
            return SupportOverlay.Deny(AccessReason.SupportAdministrationForbidden);
        }

        if (change.IsDataChange)
        {
            return AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None);
        }

        if (change is not SetSettings { Settings: { } settings })
        {
            return SupportOverlay.AdministrationAllowed(snapshot, definition)
                ? AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None)
                : SupportOverlay.Deny(AccessReason.SupportAdministrationForbidden);
        }

        AccessSettings current = snapshot.Model.Settings;
        if (definition.DenyConfiguration)
        {
            return SupportOverlay.Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (settings.SupportAccess != current.SupportAccess ||
            (!SupportOverlay.AdministrationAllowed(snapshot, definition) && !SameAuditEvents(settings, current)))
        {
            return SupportOverlay.Deny(AccessReason.SupportAdministrationForbidden);
        }

        return definition.Level == SupportAccessLevel.Admin
            ? AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None)
            : SupportOverlay.Deny(AccessReason.SupportLevel);
    }

    private static bool SameAuditEvents(AccessSettings changed, AccessSettings current) =>
        changed.EnabledAuditEvents is { } events && new HashSet<AccessAuditEventType>(events).SetEquals(current.EnabledAuditEvents);
}
