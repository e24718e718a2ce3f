namespace Creatio.AccessControl;

/// <summary>The audit event types, after Creatio's audit log (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md">administration and audit</see>); each is enabled by a setting.</summary>
public enum AccessAuditEventType
{
    /// <summary>A user was added to or removed from a role, or a delegation changed.</summary>
    UserRoleChange = 0,

    /// <summary>A role was created, updated or deleted, or a functional link changed.</summary>
    RoleChange = 1,

    /// <summary>A user was created, updated (deactivated included) or deleted.</summary>
    UserChange = 2,

    /// <summary>Object operation rows changed.</summary>
    ObjectOperationPermissions = 3,

    /// <summary>Record rights changed: shared, unshared, written for a new record, or updated for an object.</summary>
    RecordPermissions = 4,

    /// <summary>Default record permission rules changed.</summary>
    DefaultRecordPermissions = 5,

    /// <summary>Column permission rows changed.</summary>
    ColumnPermissions = 6,

    /// <summary>An object's administration switches changed.</summary>
    AdministrationSwitches = 7,

    /// <summary>System operation rows or definitions changed.</summary>
    SystemOperationPermissions = 8,

    /// <summary>A system setting value changed.</summary>
    SystemSettingValues = 9,

    /// <summary>A user signed in or failed to (reported by the host).</summary>
    UserAuthorization = 10,

    /// <summary>A user session ended (reported by the host).</summary>
    UserSessionEnd = 11,

    /// <summary>A check was denied.</summary>
    DeniedOperation = 12,

    /// <summary>The audit log was read or archived.</summary>
    AuditLogOperation = 13,

    /// <summary>Support access was granted, deactivated or expired, or a support session started, ended or changed data.</summary>
    SupportAccess = 14,
}
