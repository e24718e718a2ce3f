using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>Step 7 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>: what a support session may do of what its grantor may do (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
/// <remarks>Every method takes the grantor's decision and never turns a deny into an allow. When several rules deny,
/// the decision names the first in the order of §8: data isolation, configuration restriction, administration, scope, level.</remarks>
internal static class SupportOverlay
{
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
        AccessSnapshot snapshot, int grant, AccessDecision decision, ObjectIndex objectIndex, ObjectOperation operation, RecordId? record, bool column)
    {
        if (!decision.IsAllowed)
        {
            return decision;
        }

        CompiledSupportGrant compiled = snapshot.SupportGrants.Grants[grant];
        bool createdInGrant = record is { } id && CreatedInGrant(snapshot.Objects[objectIndex.Value].Records, id, compiled.Definition.Id);
        return Objects(snapshot, compiled, decision, objectIndex, operation, namesRecord: record is not null, createdInGrant, column);
    }

    /// <summary>A record request on a record that was not created in the grant: what a record filter decides for every
    /// record but those.</summary>
    public static AccessDecision OtherRecords(AccessSnapshot snapshot, int grant, AccessDecision decision, ObjectIndex objectIndex, ObjectOperation operation) =>
        decision.IsAllowed
            ? Objects(snapshot, snapshot.SupportGrants.Grants[grant], decision, objectIndex, operation, namesRecord: true, createdInGrant: false, column: false)
            : decision;

    private static AccessDecision Objects(
        AccessSnapshot snapshot, CompiledSupportGrant compiled, AccessDecision decision, ObjectIndex objectIndex, ObjectOperation operation, bool namesRecord, bool createdInGrant, bool column)
    {
        SupportAccessGrant definition = compiled.Definition;
        ObjectCategory category = snapshot.Objects[objectIndex.Value].Definition.Category;
        if (definition.DenyDataAccess && category == ObjectCategory.BusinessData &&
            !(operation == ObjectOperation.Create && !namesRecord && !column) && !createdInGrant)
        {
            return Deny(AccessReason.SupportDataIsolation);
        }

        return AfterIsolation(snapshot, compiled, decision, objectIndex, operation);
    }

    /// <summary>The rules after data isolation, for a request isolation lets through (or a record created in the grant).</summary>
    public static AccessDecision AfterIsolation(AccessSnapshot snapshot, int grant, AccessDecision decision, ObjectIndex objectIndex, ObjectOperation operation) =>
        decision.IsAllowed ? AfterIsolation(snapshot, snapshot.SupportGrants.Grants[grant], decision, objectIndex, operation) : decision;

    /// <summary>Whether an object is the external access object the settings name, which holds support-access grants:
    /// changing it is administration.</summary>
    private static bool IsExternalAccessObject(AccessSnapshot snapshot, ObjectName name) =>
        string.Equals(name.Value, snapshot.Model.Settings.SupportAccess.ExternalAccessObject, StringComparison.Ordinal);

    private static AccessDecision AfterIsolation(AccessSnapshot snapshot, CompiledSupportGrant compiled, AccessDecision decision, ObjectIndex objectIndex, ObjectOperation operation)
    {
        SupportAccessGrant definition = compiled.Definition;
        CompiledObject target = snapshot.Objects[objectIndex.Value];
        ObjectCategory category = target.Definition.Category;
        bool writes = operation != ObjectOperation.Read;
        if (writes && definition.DenyConfiguration && category != ObjectCategory.BusinessData)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (writes && IsExternalAccessObject(snapshot, target.Definition.Name) && !AdministrationAllowed(snapshot, definition))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        if (compiled.Scope is { } scope && !scope[objectIndex.Value])
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
        RecordIndex index = records.IndexOf(record);
        return index.IsFound && records.CreatedInSupportGrant(index.Value) == grant;
    }
}
