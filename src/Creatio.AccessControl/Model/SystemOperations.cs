namespace Creatio.AccessControl;

/// <summary>The system operations the library knows by name, with Creatio's codes.</summary>
/// <remarks>Every model contains these operations; System administrators hold each of them by default.</remarks>
public static class SystemOperations
{
    /// <summary>Gets <c>CanManageUsers</c>: manage users, roles and memberships. Configuration.</summary>
    public static SystemOperationCode CanManageUsers { get; } = new("CanManageUsers");

    /// <summary>Gets <c>CanManageAdministration</c>: manage roles, object, column and default record permissions. Configuration.</summary>
    public static SystemOperationCode CanManageAdministration { get; } = new("CanManageAdministration");

    /// <summary>Gets <c>CanChangeAdminOperationGrantee</c>: change who may execute system operations. Configuration.</summary>
    public static SystemOperationCode CanChangeAdminOperationGrantee { get; } = new("CanChangeAdminOperationGrantee");

    /// <summary>Gets <c>CanChangeAdminUnitGrantedRight</c>: delegate permissions. Configuration.</summary>
    public static SystemOperationCode CanChangeAdminUnitGrantedRight { get; } = new("CanChangeAdminUnitGrantedRight");

    /// <summary>Gets <c>CanChangeEntitySchemaRecordRight</c>: share any readable record. Configuration.</summary>
    public static SystemOperationCode CanChangeEntitySchemaRecordRight { get; } = new("CanChangeEntitySchemaRecordRight");

    /// <summary>Gets <c>CanManageSysSettings</c>: change system settings. Configuration.</summary>
    public static SystemOperationCode CanManageSysSettings { get; } = new("CanManageSysSettings");

    /// <summary>Gets <c>CanManageLookups</c>: manage lookups. Configuration.</summary>
    public static SystemOperationCode CanManageLookups { get; } = new("CanManageLookups");

    /// <summary>Gets <c>CanManageSolution</c>: change the solution (configuration). Configuration.</summary>
    public static SystemOperationCode CanManageSolution { get; } = new("CanManageSolution");

    /// <summary>Gets <c>CanManageProcessDesign</c>: design business processes. Configuration.</summary>
    public static SystemOperationCode CanManageProcessDesign { get; } = new("CanManageProcessDesign");

    /// <summary>Gets <c>CanExportGrid</c>: export lists; still needs read on the object.</summary>
    public static SystemOperationCode CanExportGrid { get; } = new("CanExportGrid");

    /// <summary>Gets <c>CanViewSysOperationAudit</c>: read the audit log.</summary>
    public static SystemOperationCode CanViewSysOperationAudit { get; } = new("CanViewSysOperationAudit");

    /// <summary>Gets <c>CanManageSysOperationAudit</c>: archive the audit log. Configuration.</summary>
    public static SystemOperationCode CanManageSysOperationAudit { get; } = new("CanManageSysOperationAudit");

    /// <summary>Gets <c>CanDelegateExternalAccess</c>: name another grantor for support access. Configuration.</summary>
    public static SystemOperationCode CanDelegateExternalAccess { get; } = new("CanDelegateExternalAccess");

    /// <summary>Gets <c>CanAdministratePortalUsers</c>: manage portal users. Configuration.</summary>
    public static SystemOperationCode CanAdministratePortalUsers { get; } = new("CanAdministratePortalUsers");

    /// <summary>Gets <c>CanSelectEverything</c> (View any data): allows reading any object, record and column.</summary>
    public static SystemOperationCode CanSelectEverything { get; } = new("CanSelectEverything");

    /// <summary>Gets <c>CanInsertEverything</c> (Add any data): allows creating records of any object.</summary>
    public static SystemOperationCode CanInsertEverything { get; } = new("CanInsertEverything");

    /// <summary>Gets <c>CanUpdateEverything</c> (Edit any data): allows editing any object, record and column.</summary>
    public static SystemOperationCode CanUpdateEverything { get; } = new("CanUpdateEverything");

    /// <summary>Gets <c>CanDeleteEverything</c> (Delete any data): allows deleting any record.</summary>
    public static SystemOperationCode CanDeleteEverything { get; } = new("CanDeleteEverything");

    /// <summary>Gets the built-in operations with their configuration marks.</summary>
    public static IReadOnlyList<SystemOperationDefinition> BuiltIn { get; } =
    [
        new(CanManageUsers, IsConfiguration: true),
        new(CanManageAdministration, IsConfiguration: true),
        new(CanChangeAdminOperationGrantee, IsConfiguration: true),
        new(CanChangeAdminUnitGrantedRight, IsConfiguration: true),
        new(CanChangeEntitySchemaRecordRight, IsConfiguration: true),
        new(CanManageSysSettings, IsConfiguration: true),
        new(CanManageLookups, IsConfiguration: true),
        new(CanManageSolution, IsConfiguration: true),
        new(CanManageProcessDesign, IsConfiguration: true),
        new(CanExportGrid),
        new(CanViewSysOperationAudit),
        new(CanManageSysOperationAudit, IsConfiguration: true),
        new(CanDelegateExternalAccess, IsConfiguration: true),
        new(CanAdministratePortalUsers, IsConfiguration: true),
        new(CanSelectEverything),
        new(CanInsertEverything),
        new(CanUpdateEverything),
        new(CanDeleteEverything),
    ];
}
