using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>Step 7 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>: what a support session may do of what its grantor may do (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
/// <remarks>Every method takes the grantor's decision and never turns a deny into an allow. When several rules deny,
/// the decision names the first in the order of §8: data isolation, configuration restriction, administration, scope, level.</remarks>
internal static class SupportOverlay
{
    /// <summary>The object that holds support-access grants; changing it is administration.</summary>
    public const string ExternalAccessObject = "SysExternalAccess";

    private static readonly HashSet<string> s_administration = new(StringComparer.Ordinal)
    {
        SystemOperations.CanManageUsers.Value,
        SystemOperations.CanManageAdministration.Value,
        SystemOperations.CanChangeAdminOperationGrantee.Value,
        SystemOperations.CanChangeAdminUnitGrantedRight.Value,
        SystemOperations.CanChangeEntitySchemaRecordRight.Value,
        SystemOperations.CanDelegateExternalAccess.Value,
        SystemOperations.CanAdministratePortalUsers.Value,
    };

    public static AccessDecision Deny(AccessReason reason) => AccessDecision.Deny(AccessStage.SupportAccess, reason);

    /// <summary>Whether the grant lets the session administer, as Creatio does when both modes are cleared and the
    /// host relaxed the library's stricter rule.</summary>
    public static bool AdministrationAllowed(AccessSnapshot snapshot, SupportAccessGrant grant) =>
        snapshot.Model.Settings.SupportAccess.AllowAdministrationWhenUnrestricted && !grant.DenyDataAccess && !grant.DenyConfiguration;

    public static bool IsAdministrationOperation(string code) => s_administration.Contains(code);

    /// <summary>An object, record or column request.</summary>
    public static AccessDecision Objects(
        AccessSnapshot snapshot, int grant, AccessDecision decision, int objectIndex, ObjectOperation operation, RecordId? record, bool column)
    {
        if (!decision.IsAllowed)
        {
            return decision;
        }

        CompiledSupportGrant compiled = snapshot.SupportGrants.Grants[grant];
        bool createdInGrant = record is { } id && CreatedInGrant(snapshot.Objects[objectIndex].Records, id, compiled.Definition.Id);
        return Objects(snapshot, compiled, decision, objectIndex, operation, namesRecord: record is not null, createdInGrant, column);
    }

    /// <summary>A record request on a record that was not created in the grant: what a record filter decides for every
    /// record but those.</summary>
    public static AccessDecision OtherRecords(AccessSnapshot snapshot, int grant, AccessDecision decision, int objectIndex, ObjectOperation operation) =>
        decision.IsAllowed
            ? Objects(snapshot, snapshot.SupportGrants.Grants[grant], decision, objectIndex, operation, namesRecord: true, createdInGrant: false, column: false)
            : decision;

    private static AccessDecision Objects(
        AccessSnapshot snapshot, CompiledSupportGrant compiled, AccessDecision decision, int objectIndex, ObjectOperation operation, bool namesRecord, bool createdInGrant, bool column)
    {
        SupportAccessGrant definition = compiled.Definition;
        ObjectCategory category = snapshot.Objects[objectIndex].Definition.Category;
        if (definition.DenyDataAccess && category == ObjectCategory.BusinessData &&
            !(operation == ObjectOperation.Create && !namesRecord && !column) && !createdInGrant)
        {
            return Deny(AccessReason.SupportDataIsolation);
        }

        return AfterIsolation(snapshot, compiled, decision, objectIndex, operation);
    }

    /// <summary>The rules after data isolation, for a request isolation lets through (or a record created in the grant).</summary>
    public static AccessDecision AfterIsolation(AccessSnapshot snapshot, int grant, AccessDecision decision, int objectIndex, ObjectOperation operation) =>
        decision.IsAllowed ? AfterIsolation(snapshot, snapshot.SupportGrants.Grants[grant], decision, objectIndex, operation) : decision;

    private static AccessDecision AfterIsolation(AccessSnapshot snapshot, CompiledSupportGrant compiled, AccessDecision decision, int objectIndex, ObjectOperation operation)
    {
        SupportAccessGrant definition = compiled.Definition;
        CompiledObject target = snapshot.Objects[objectIndex];
        ObjectCategory category = target.Definition.Category;
        bool writes = operation != ObjectOperation.Read;
        if (writes && definition.DenyConfiguration && category != ObjectCategory.BusinessData)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (writes && target.Definition.Name.Value == ExternalAccessObject && !AdministrationAllowed(snapshot, definition))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        if (compiled.Scope is { } scope && !scope[objectIndex])
        {
            return Deny(AccessReason.SupportOutsideScope);
        }

        if (writes && (definition.Level == SupportAccessLevel.Monitor ||
                       (definition.Level == SupportAccessLevel.Manage && category != ObjectCategory.BusinessData)))
        {
            return Deny(AccessReason.SupportLevel);
        }

        return decision;
    }

    public static AccessDecision SystemOperation(AccessSnapshot snapshot, int grant, AccessDecision decision, int operation)
    {
        if (!decision.IsAllowed)
        {
            return decision;
        }

        SupportAccessGrant definition = snapshot.SupportGrants.Grants[grant].Definition;
        SystemOperationDefinition target = snapshot.Operations.Definitions[operation];
        if (definition.DenyConfiguration && target.IsConfiguration)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (IsAdministrationOperation(target.Code.Value) && !AdministrationAllowed(snapshot, definition))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        // Monitor only reads: it executes no system operation at all. Below Admin, configuration is read-only.
        return definition.Level == SupportAccessLevel.Monitor || (target.IsConfiguration && definition.Level != SupportAccessLevel.Admin)
            ? Deny(AccessReason.SupportLevel)
            : decision;
    }

    /// <summary>Whether a support session may make an administration change at all; what the change itself needs is then
    /// checked on the session's principal, through this overlay.</summary>
    /// <remarks>Data changes (records) are for the overlay's object rules to decide. Support-access grants and their
    /// settings are never changed from a session. Other system settings are configuration: a session changes them only at
    /// Admin level with configuration restriction off (and only if its grantor may, which the change's own check asks),
    /// never the enabled audit events unless administration is relaxed, since they decide what its own log keeps. Any other
    /// change administers users, roles or permissions: only a relaxed session with both modes cleared may.</remarks>
    public static AccessDecision Change(AccessSnapshot snapshot, int grant, AccessChange change)
    {
        SupportAccessGrant definition = snapshot.SupportGrants.Grants[grant].Definition;
        if (change.IsSupportAccessChange)
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        if (change.IsDataChange)
        {
            return AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None);
        }

        if (change is not SetSettings { Settings: { } settings })
        {
            return AdministrationAllowed(snapshot, definition)
                ? AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None)
                : Deny(AccessReason.SupportAdministrationForbidden);
        }

        AccessSettings current = snapshot.Model.Settings;
        if (definition.DenyConfiguration)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (settings.SupportAccess != current.SupportAccess ||
            (!AdministrationAllowed(snapshot, definition) && !SameAuditEvents(settings, current)))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        return definition.Level == SupportAccessLevel.Admin
            ? AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None)
            : Deny(AccessReason.SupportLevel);
    }

    private static bool SameAuditEvents(AccessSettings changed, AccessSettings current) =>
        changed.EnabledAuditEvents is { } events && new HashSet<AccessAuditEventType>(events).SetEquals(current.EnabledAuditEvents);

    public static AccessDecision Share(AccessSnapshot snapshot, int grant, AccessDecision decision)
    {
        if (!decision.IsAllowed)
        {
            return decision;
        }

        SupportAccessGrant definition = snapshot.SupportGrants.Grants[grant].Definition;
        if (definition.DenyConfiguration)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (!AdministrationAllowed(snapshot, definition))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        return definition.Level == SupportAccessLevel.Admin ? decision : Deny(AccessReason.SupportLevel);
    }

    private static bool CreatedInGrant(CompiledRecords records, RecordId record, SupportGrantId grant)
    {
        int index = records.Find(record);
        return index >= 0 && records.CreatedInSupportGrant(index) == grant;
    }
}
